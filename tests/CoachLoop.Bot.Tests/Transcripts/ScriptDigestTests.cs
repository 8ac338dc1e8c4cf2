using CoachLoop.Bot.Tests.Scheduling;

namespace CoachLoop.Bot.Tests.Transcripts;

/// <summary>The manager's digest counts the week's disagreements between QA scores and script checks.</summary>
public sealed class ScriptDigestTests
{
    private static readonly DateTimeOffset MondayBeforeEightInLondon = new(2026, 11, 23, 7, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task DigestSaysHowManyScriptChecksDisagreedWithQaScoresThisWeek()
    {
        var (app, chat) = await DigestTests.StartAsync(MondayBeforeEightInLondon);
        await using var host = app;
        (await (await app.CreateApiClientAsync()).PostAsJsonAsync("/api/v1/rubrics", ScriptCheckJson.Rubric())).EnsureSuccessStatusCode();
        foreach (var id in new[] { "late-1", "late-2" })
        {
            var call = ScriptCheckJson.Call(id, ("agent", "00:00:40", "This call may be recorded for quality and training purposes."));
            call["callTime"] = "2026-11-22T10:00:00Z";
            await chat.PostCallAsync(call);
        }

        // Said in time and passed by QA too: agreement, not counted.
        var agreed = ScriptCheckJson.Call("on-time", ("agent", "00:00:03", "This call may be recorded for quality and training purposes."));
        agreed["callTime"] = "2026-11-22T11:00:00Z";
        await chat.PostCallAsync(agreed);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Schedule.DigestsAsync(app));
        await chat.DispatchAsync();

        var card = Assert.Single(await Schedule.DirectCardsAsync(app, chat, "morgan@example.com"), c => c.Contains("coaching digest", StringComparison.Ordinal));
        Assert.Contains("2 script checks disagreed with QA scores this week", card, StringComparison.Ordinal);
    }
}
