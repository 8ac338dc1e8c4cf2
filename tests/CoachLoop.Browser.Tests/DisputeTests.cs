namespace CoachLoop.Browser.Tests;

public sealed class DisputeTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [SkippableFact]
    public async Task AgentsDisputeWithAReasonReachesTheReviewerAsADisputeCard()
    {
        await StartAsync();
        var ana = await OpenAsAsync(People.Ana);
        var riley = await OpenAsAsync(People.Riley);
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var anaCard = WebChannelPage.Card(ana.DirectMessages, "agent-score", flagId);
        await Expect(anaCard).ToContainTextAsync("Your score on Empathy");
        await Expect(ana.ManagerChannel).ToHaveCountAsync(0); // an agent never sees the manager channel

        const string reason = "At 00:12:30 I said I understood how annoying the fee was before explaining the policy.";
        await WebChannelPage.Button(anaCard, "Dispute").ClickAsync();
        await anaCard.Locator("textarea").FillAsync(reason);
        await WebChannelPage.Button(anaCard, "Submit").ClickAsync();

        await Expect(ana.Toast).ToHaveAttributeAsync("data-outcome", "done");
        await Expect(ana.Toast).ToContainTextAsync("Dispute sent to a reviewer.");
        await Expect(anaCard).ToContainTextAsync("You disputed this score");
        await Expect(WebChannelPage.Button(anaCard, "Dispute")).ToHaveCountAsync(0);

        var disputeCard = riley.ManagerChannel.Locator("[data-testid=card][data-kind=dispute]");
        await Expect(disputeCard).ToHaveCountAsync(1);
        await Expect(disputeCard).ToContainTextAsync("Dispute: Ana Ruiz on Empathy");
        await Expect(disputeCard).ToContainTextAsync(reason);
        await Expect(WebChannelPage.Button(disputeCard, "Uphold score")).ToBeVisibleAsync();
        await Expect(WebChannelPage.Button(disputeCard, "Overturn score")).ToBeVisibleAsync();
        var flagCard = WebChannelPage.Card(riley.ManagerChannel, "flag", flagId);
        await Expect(flagCard).ToContainTextAsync("The agent disputes the score");
        ana.AssertNoScriptErrors();
        riley.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task DisputeWithoutAReasonIsStoppedOnThePageAndSendsNothing()
    {
        await StartAsync();
        var ana = await OpenAsAsync(People.Ana);
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var anaCard = WebChannelPage.Card(ana.DirectMessages, "agent-score", flagId);

        await WebChannelPage.Button(anaCard, "Dispute").ClickAsync();
        await WebChannelPage.Button(anaCard, "Submit").ClickAsync();

        await Expect(anaCard).ToContainTextAsync("A dispute needs a reason.");
        await Expect(ana.Toast).ToBeHiddenAsync();
        var flag = await ScoredCalls.GetFlagAsync(Api, flagId);
        Assert.Single(flag["history"]!.AsArray());
        ana.AssertNoScriptErrors();
    }
}
