using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Channels.Email;
using CoachLoop.Data.Records;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Tests.Channels.Email;

/// <summary>Where an email's button leads when the card it is about was posted in Slack.</summary>
public sealed class EmailLinksTests
{
    [Fact]
    public async Task AFlagsButtonLeadsToTheManagersSlackCardNotTheAgentsOwnCardOfTheSameFlag()
    {
        await using var app = await CoachLoopApp.StartAsync();
        var flagId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(async db =>
        {
            // The agent's own score card shares the flag's subject id and was posted first, in the agent's DM.
            db.CardPosts.Add(new CardPost
            {
                Id = Guid.NewGuid(), CardKind = CardKinds.AgentScore, SubjectId = flagId, Channel = "slack", ConversationId = "D0AGENT",
                MessageRef = "D0AGENT|1.1", CreatedAt = now, UpdatedAt = now,
            });
            db.CardPosts.Add(new CardPost
            {
                Id = Guid.NewGuid(), CardKind = CardKinds.Flag, SubjectId = flagId, Channel = "slack", ConversationId = "C0TEAM",
                MessageRef = "C0TEAM|1.2", CreatedAt = now.AddSeconds(1), UpdatedAt = now.AddSeconds(1),
            });
            return await db.SaveChangesAsync();
        });
        var action = new CardAction("approvePractice", "Approve", CardActionStyle.Primary,
            new Dictionary<string, string> { [CardData.SubjectId] = flagId.ToString() }, []);
        var card = new Card(CardKinds.Notice, Guid.NewGuid(), 1, "Digest", null, CardTone.Default, [], null, null, [], null, [action], "Digest");

        var link = await app.WithDbAsync(async db =>
            (await new EmailLinks(db, Options.Create(new EmailOptions { ActionBaseUrl = new Uri("https://coachloop.test/") })).ForAsync(card, CancellationToken.None))(action));

        Assert.Equal(new Uri("https://slack.com/app_redirect?channel=C0TEAM"), link);
    }
}
