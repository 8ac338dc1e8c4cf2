#!/usr/bin/env bash
# scripts/sqlserver-migration.sh: the SQL Server counterpart of a SQLite/PostgreSQL migration, made by EF Core.
#
#   bash scripts/sqlserver-migration.sh 0015_what_changed
#
# After the model changed (and Migrations/{Sqlite,Postgres}/0015_what_changed.sql were written), this:
#   1. restores the dotnet-ef tool pinned in .config/dotnet-tools.json;
#   2. adds the EF migration V0015_what_changed under src/CoachLoop.Data/Migrations/SqlServer/ (its Up/Down and the
#      updated model snapshot, generated from the model through SqlServerDesignTimeFactory: no server is needed);
#   3. rewrites the checked-in DDL, src/CoachLoop.Data/Migrations/SqlServer/coachloop-sqlserver.sql, as one idempotent
#      script of every migration (what a DBA reviews or runs by hand).
# Hand-finish the migration only where EF cannot know (a trigger, a data fix: migrationBuilder.Sql), then run
#   dotnet test tests/CoachLoop.Data.Tests --filter "FullyQualifiedName~SqlServer"
# which fails while the model, the migrations and the script disagree. With no argument, only step 3 runs.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

name="${1:-}"
if [[ -n "$name" && ! "$name" =~ ^[0-9]{4}_[a-z0-9_]+$ ]]; then
    echo "usage: $0 NNNN_snake_case_name (the number and name of the SQLite/PostgreSQL migration)" >&2
    exit 2
fi

dotnet tool restore >/dev/null
project=(--project src/CoachLoop.Data --startup-project src/CoachLoop.Data --context CoachLoopDbContext)
if [[ -n "$name" ]]; then
    dotnet ef migrations add "V$name" "${project[@]}" --output-dir Migrations/SqlServer --namespace CoachLoop.Data.Migrations.SqlServer
fi
dotnet ef migrations script --idempotent "${project[@]}" --output src/CoachLoop.Data/Migrations/SqlServer/coachloop-sqlserver.sql
echo "sqlserver-migration.sh: done; review the migration, then run the SqlServer tests" >&2
