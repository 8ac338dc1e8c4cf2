namespace CoachLoop.Browser.Tests;

public sealed class RoleCheckTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [SkippableFact]
    public async Task AgentOfAnotherTeamWhoClicksApproveIsRefusedAndNothingChanges()
    {
        await StartAsync();
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var sam = await OpenAsAsync(People.Sam);
        await Expect(sam.DirectMessages).ToContainTextAsync("Direct messages: Sam Patel");
        await Expect(sam.ManagerChannel).ToHaveCountAsync(0);

        await ApproveFromMorgansChannelAndExpectRefusalAsync(sam, flagId, "Only Ana Ruiz's manager or a coach of their team can act on this flag.");
    }

    [SkippableFact]
    public async Task SomeoneOutsideTheDirectoryWhoClicksApproveIsRefusedAndNothingChanges()
    {
        await StartAsync();
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var stranger = await OpenAsAsync(People.Unrelated);
        await Expect(stranger.Page.GetByTestId("feeds-empty")).ToContainTextAsync("sees no CoachLoop channel");

        await ApproveFromMorgansChannelAndExpectRefusalAsync(stranger, flagId,
            "You are not in the CoachLoop directory, so you cannot act on coaching cards.");
    }

    private async Task ApproveFromMorgansChannelAndExpectRefusalAsync(WebChannelPage page, string flagId, string refusal)
    {
        await page.LookAtFeedsOfAsync(People.Morgan);
        var card = WebChannelPage.Card(page.ManagerChannel, "flag", flagId);

        await WebChannelPage.Button(card, "Approve practice").ClickAsync();

        await Expect(page.Toast).ToHaveAttributeAsync("data-outcome", "refused");
        await Expect(page.Toast).ToContainTextAsync(refusal);
        await Expect(card.GetByTestId("card-notice")).ToContainTextAsync(refusal);
        await Expect(card).ToContainTextAsync("Waiting for the manager to approve or swap the practice.");
        await Expect(WebChannelPage.Button(card, "Approve practice")).ToBeVisibleAsync();

        var flag = await ScoredCalls.GetFlagAsync(Api, flagId);
        Assert.Equal("raised", (string)flag["status"]!);
        var history = flag["history"]!.AsArray();
        Assert.Equal("raised", (string)Assert.Single(history)!["action"]!);
        page.AssertNoScriptErrors();
    }
}
