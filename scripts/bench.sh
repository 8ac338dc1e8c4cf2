#!/usr/bin/env bash
# Benchmarks live here, not in timed tests. `scripts/bench.sh actions` measures card-action handling:
# actions per second and latency percentiles at 200 concurrent clicks on the embedded SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-actions}"
shift || true
case "$suite" in
  actions) exec dotnet run -c Release --project benchmarks/CoachLoop.Benchmarks -- "$@" ;;
  *) echo "unknown benchmark '$suite' (known: actions)" >&2; exit 2 ;;
esac
