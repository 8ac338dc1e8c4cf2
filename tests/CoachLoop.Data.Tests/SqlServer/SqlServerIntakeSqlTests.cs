using CoachLoop.Data.Stores;

namespace CoachLoop.Data.Tests.SqlServer;

/// <summary>
/// The intake's hand-written SQL in its T-SQL form: what SQLite and PostgreSQL do with ON CONFLICT DO NOTHING, LIMIT and boolean
/// literals, SQL Server does with NOT EXISTS under a key-range lock, TOP and bit 0. Reviewed here because no server runs here.
/// </summary>
public sealed class SqlServerIntakeSqlTests
{
    private static readonly string[] NotTSql = ["ON CONFLICT", "LIMIT ", "RETURNING", "FALSE", "TRUE", "NOT s.overturned", "::"];

    [Fact]
    public void ACallIsInsertedOnlyWhereItsKeyIsFreeUnderALockHeldToTheEnd()
    {
        var text = CallRowsSql.SqlServerCallText;

        Assert.StartsWith("INSERT INTO scored_calls (", text, StringComparison.Ordinal);
        Assert.Contains("SELECT @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12 WHERE NOT EXISTS (SELECT 1 FROM scored_calls " +
            "WITH (UPDLOCK, HOLDLOCK) WHERE source = @p1 AND call_id = @p2)", text, StringComparison.Ordinal);
        AssertTSql(text);
    }

    [Fact]
    public void ScoresAreInsertedNotOverturnedAsBitZero()
    {
        var text = CallRowsSql.ScoresText((2, true));

        Assert.EndsWith("(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p16, 0), (@p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, 0)", text,
            StringComparison.Ordinal);
        AssertTSql(text);
    }

    [Fact]
    public void MissingStreakCursorsAreInsertedUnlessAnotherWriterMadeThem()
    {
        var text = StreakCursorSql.InsertText(2, sqlServer: true);

        Assert.Equal("INSERT INTO streak_cursors (agent_id, criterion_id, revision) SELECT v.agent_id, v.criterion_id, 0 FROM (VALUES " +
            "(@p0, @p1), (@p0, @p2)) AS v (agent_id, criterion_id) WHERE NOT EXISTS (SELECT 1 FROM streak_cursors AS s WITH (UPDLOCK, HOLDLOCK) " +
            "WHERE s.agent_id = v.agent_id AND s.criterion_id = v.criterion_id)", text);
        Assert.EndsWith("ON CONFLICT DO NOTHING", StreakCursorSql.InsertText(2, sqlServer: false), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHistoryWindowsUseTopAndCompareTheOverturnedBit()
    {
        var text = StreakHistory.Text((3, true));

        Assert.Equal(6, CountOf(text, "SELECT * FROM (SELECT TOP (" + StreakHistory.Window + ") s.criterion_id"));
        Assert.Equal(6, CountOf(text, "AND s.overturned = 0 AND s.call_time"));
        AssertTSql(text);
        Assert.Equal(6, CountOf(StreakHistory.Text((3, false)), " LIMIT " + StreakHistory.Window + ")"));
    }

    private static void AssertTSql(string text) => Assert.All(NotTSql, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
