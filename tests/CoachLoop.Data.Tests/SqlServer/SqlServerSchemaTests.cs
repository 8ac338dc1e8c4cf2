using System.Text.RegularExpressions;
using CoachLoop.Data.Migrations;
using CoachLoop.Data.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoachLoop.Data.Tests.SqlServer;

/// <summary>
/// SQL Server's schema, checked without a server: EF's migrations cover the model, the checked-in DDL is what EF writes from
/// them, and what SQL Server would refuse or treat differently (index key size, collation, unique indexes on nullable
/// columns, the audit table's trigger) is decided in the schema. A failure here asks for scripts/sqlserver-migration.sh.
/// </summary>
public sealed partial class SqlServerSchemaTests
{
    [Fact]
    public void TheMigrationsCoverTheModel()
    {
        using var db = SqlServerDesignTimeFactory.Create();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed since the last SQL Server migration: run scripts/sqlserver-migration.sh NNNN_name.");
    }

    [Fact]
    public void TheCheckedInScriptIsWhatEfWritesFromTheMigrations()
    {
        using var db = SqlServerDesignTimeFactory.Create();
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var checkedIn = File.ReadAllText(Path.Combine(RepoRoot(), SqlServerSchema.ScriptPath));

        Assert.Equal(Normalise(generated), Normalise(checkedIn));
    }

    [Fact]
    public void EveryKeyAndIndexFitsSqlServersNineHundredBytes()
    {
        using var db = SqlServerDesignTimeFactory.Create();
        var tooWide = new List<string>();
        foreach (var table in Relational(db).Tables)
        {
            var keys = table.Indexes.Select(i => (i.Name, i.Columns))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, u.Columns)));
            foreach (var (name, columns) in keys)
            {
                var bytes = columns.Sum(c => KeyBytes(c.StoreType));
                if (bytes > 900)
                {
                    tooWide.Add($"{table.Name}.{name}: {bytes} bytes ({string.Join(", ", columns.Select(c => c.StoreType))})");
                }
            }
        }

        Assert.Empty(tooWide);
    }

    [Fact]
    public void TextComparesOrdinallyAsOnTheOtherProviders()
    {
        using var db = SqlServerDesignTimeFactory.Create();
        var columns = Relational(db).Tables.SelectMany(t => t.Columns.Select(c => (Table: t.Name, Column: c)))
            .Where(x => x.Column.StoreType.StartsWith("nvarchar", StringComparison.Ordinal)).ToList();

        Assert.Contains(columns, x => x.Table == "people" && x.Column.Name == "email");
        Assert.Contains(columns, x => x.Table == "chat_identities" && x.Column.Name == "external_user_id");
        Assert.All(columns, x => Assert.Equal(StorageConventions.SqlServerCollation, x.Column.Collation));
        // The collation reaches the DDL: a person's email and a Slack id stay unique case-sensitively, as on SQLite and PostgreSQL.
        var script = Script();
        Assert.Contains("[email] nvarchar(320) COLLATE Latin1_General_100_BIN2 NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[external_user_id] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void UniqueIndexesOnNullableColumnsAllowManyNulls()
    {
        using var db = SqlServerDesignTimeFactory.Create();
        var nullableUnique = Relational(db).Tables.SelectMany(t => t.Indexes)
            .Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable)).ToList();

        Assert.NotEmpty(nullableUnique);
        Assert.All(nullableUnique, i => Assert.Equal(
            string.Join(" AND ", i.Columns.Where(c => c.IsNullable).Select(c => $"[{c.Name}] IS NOT NULL")), i.Filter));
        Assert.Contains("CREATE UNIQUE INDEX [ix_people_external_id] ON [people] ([external_id]) WHERE [external_id] IS NOT NULL",
            Script(), StringComparison.Ordinal);
    }

    [Fact]
    public void StoredTypesAreSqlServersOwn()
    {
        using var db = SqlServerDesignTimeFactory.Create();
        var columns = Relational(db).Tables.SelectMany(t => t.Columns).ToList();

        Assert.All(columns.Where(c => Underlying(c) == typeof(DateTimeOffset)), c => Assert.Equal("datetimeoffset", c.StoreType));
        Assert.All(columns.Where(c => Underlying(c) == typeof(decimal)), c => Assert.Equal("decimal(28,10)", c.StoreType));
        Assert.All(columns.Where(c => Underlying(c) == typeof(Guid)), c => Assert.Equal("uniqueidentifier", c.StoreType));
        // JSON is text read whole, as on the other providers.
        Assert.Equal("nvarchar(max)", columns.Single(c => c.Table.Name == "scored_calls" && c.Name == "receipt_json").StoreType);
    }

    [Fact]
    public void TheAuditTableIsAppendOnlyThroughATriggerEfKnowsAbout()
    {
        using var db = SqlServerDesignTimeFactory.Create();
        var audit = db.Model.FindEntityType(typeof(Records.AuditEntry))!;

        Assert.Contains(audit.GetDeclaredTriggers(), t => t.GetDatabaseName() == SqlServerSchema.AuditTrigger);
        Assert.Matches(AuditTrigger(), Script());
    }

    private static int KeyBytes(string storeType)
    {
        var text = NVarChar().Match(storeType);
        if (text.Success)
        {
            Assert.NotEqual("max", text.Groups[1].Value);
            return 2 * int.Parse(text.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return storeType switch
        {
            "uniqueidentifier" => 16,
            "datetimeoffset" => 10,
            "date" => 3,
            "bigint" => 8,
            "int" => 4,
            "bit" => 1,
            "decimal(28,10)" => 13,
            _ => throw new InvalidOperationException($"No key size known for {storeType}."),
        };
    }

    // The design-time model: the runtime one keeps no collations or filters.
    private static IRelationalModel Relational(CoachLoopDbContext db) => db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    private static Type Underlying(IColumn column)
    {
        var type = column.PropertyMappings.First().Property.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string Script() => File.ReadAllText(Path.Combine(RepoRoot(), SqlServerSchema.ScriptPath));

    private static string Normalise(string sql) => sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachLoop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CoachLoop.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^nvarchar\((\d+|max)\)$")]
    private static partial Regex NVarChar();

    [GeneratedRegex(@"CREATE TRIGGER \[trg_audit_entries_append_only\] ON \[audit_entries\] INSTEAD OF UPDATE, DELETE AS BEGIN .*THROW")]
    private static partial Regex AuditTrigger();
}
