using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachLoop.Data.Modeling;

/// <summary>
/// Conventions that keep one model portable across providers: snake_case names, every
/// DateTimeOffset stored in UTC (as ticks on SQLite, which cannot compare DateTimeOffset in SQL;
/// as timestamptz on PostgreSQL, datetimeoffset on SQL Server), decimals as REAL on SQLite so that
/// SQL comparisons are numeric, and enums as strings. On SQL Server, text compares as on the other
/// two (ordinal, case-sensitive: a binary collation instead of the server's case-insensitive
/// default), and decimals get an explicit precision instead of SQL Server's decimal(18,2).
/// </summary>
internal static class StorageConventions
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> ToUtc =
        new(v => v.ToUniversalTime(), v => v.ToUniversalTime());

    /// <summary>SQL Server's collation for every text column: code-point order and equality, as SQLite's BINARY and PostgreSQL.</summary>
    public const string SqlServerCollation = "Latin1_General_100_BIN2";

    /// <summary>Scores, weights and thresholds are 0-100: ten decimals keep what clients send as the other providers do.</summary>
    public const int SqlServerDecimalPrecision = 28, SqlServerDecimalScale = 10;

    public static void Apply(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        var isSqlite = provider == DatabaseProvider.Sqlite;
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                ApplyType(property, isSqlite);
                if (provider == DatabaseProvider.SqlServer)
                {
                    ApplySqlServer(property);
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(SnakeCase(key.GetName()!));
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(SnakeCase(fk.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    private static void ApplyType(IMutableProperty property, bool isSqlite)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (property.GetValueConverter() is not null)
        {
            return;
        }

        if (type == typeof(DateTimeOffset))
        {
            property.SetValueConverter(isSqlite ? UtcTicks : ToUtc);
        }
        else if (type == typeof(decimal) && isSqlite)
        {
            property.SetValueConverter(typeof(DecimalToDoubleConverter));
        }
        else if (type.IsEnum)
        {
            property.SetValueConverter(typeof(EnumToStringConverter<>).MakeGenericType(type));
            property.SetMaxLength(32);
        }
    }

    private static void ApplySqlServer(IMutableProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var stored = property.GetValueConverter()?.ProviderClrType ?? type;
        if (stored == typeof(string) || type.IsEnum)
        {
            property.SetCollation(SqlServerCollation);
        }
        else if (stored == typeof(decimal))
        {
            property.SetPrecision(SqlServerDecimalPrecision);
            property.SetScale(SqlServerDecimalScale);
        }
    }

    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prevLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextLower = i > 0 && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]);
                if (prevLower || nextLower)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private sealed class DecimalToDoubleConverter() : ValueConverter<decimal, double>(v => (double)v, v => (decimal)v);
}
