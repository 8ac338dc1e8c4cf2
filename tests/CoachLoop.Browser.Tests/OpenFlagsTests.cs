namespace CoachLoop.Browser.Tests;

public sealed class OpenFlagsTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    private static readonly string[] Criteria = ["empathy", "discovery", "resolution", "ownership"];

    [SkippableFact]
    public async Task TwelveFlagsToOneTeamArriveMostlyGroupedAndEveryOneIsActedOnFromTheWebChannel()
    {
        await StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var flags = await ScoredCalls.PostAsync(Api, ScoredCalls.FailingOne(NewCallId(), Criteria[i % Criteria.Length], 60 - i));
            ids.Add(Assert.Single(flags).Value);
        }

        var morgan = await OpenAsAsync(People.Morgan);
        // More than Delivery:GroupAfter (5) at once: the channel shows a group card, not twelve flag cards.
        await Expect(morgan.ManagerChannel).ToContainTextAsync("coaching flags grouped");
        Assert.True(await WebChannelPage.Card(morgan.ManagerChannel, "flag", ids[^1]).CountAsync() == 0);

        await morgan.ShowOpenFlagsAsync();
        await Expect(morgan.OpenFlags.Locator("[data-testid=card]")).ToHaveCountAsync(12);
        await Expect(morgan.OpenFlags.GetByTestId("open-flags-title")).ToContainTextAsync("Open flags (12) · support-east");
        foreach (var id in ids)
        {
            var card = WebChannelPage.Card(morgan.OpenFlags, "flag", id);
            await WebChannelPage.Button(card, "Approve practice").ClickAsync();
            await Expect(card).ToContainTextAsync("Practice approved by Morgan Lee");
            await Expect(WebChannelPage.Button(card, "Approve practice")).ToHaveCountAsync(0);
        }

        foreach (var id in ids)
        {
            Assert.Equal("practiceApproved", (string)(await ScoredCalls.GetFlagAsync(Api, id))["status"]!);
        }

        morgan.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task TheTeamsReviewerSeesTheOpenFlagsWithoutButtonsAndAnAgentSeesNone()
    {
        await StartAsync();
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var riley = await OpenAsAsync(People.Riley);
        var ana = await OpenAsAsync(People.Ana);

        await riley.ShowOpenFlagsAsync();
        await ana.ShowOpenFlagsAsync();

        var card = WebChannelPage.Card(riley.OpenFlags, "flag", flagId);
        await Expect(card).ToContainTextAsync("Waiting for the manager to approve or swap the practice.");
        await Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(ana.OpenFlags.GetByTestId("open-flags-empty")).ToBeVisibleAsync();
        riley.AssertNoScriptErrors();
        ana.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task DigestNowShowsTheManagersDigestOnThePage()
    {
        await StartAsync();
        await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId()));
        var morgan = await OpenAsAsync(People.Morgan);
        var ana = await OpenAsAsync(People.Ana);

        await morgan.Page.GetByTestId("digest-now").ClickAsync();
        await ana.Page.GetByTestId("digest-now").ClickAsync();

        await Expect(morgan.Page.GetByTestId("digest-card")).ToContainTextAsync("Your coaching digest");
        await Expect(morgan.Page.GetByTestId("digest-card")).ToContainTextAsync("Ana Ruiz");
        await Expect(ana.Page.GetByTestId("digest-message")).ToContainTextAsync("Ana Ruiz manages no team");
        await Expect(ana.Page.GetByTestId("digest-card")).ToHaveCountAsync(0);
        morgan.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task RunDueWorkNowSendsTheSessionReminderAtOnceWhenSwitchedOn()
    {
        await StartAsync(new Dictionary<string, string?> { ["WebChannel:RunDueWorkNow"] = "true", ["Test:Environment"] = "Development" });
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var morgan = await OpenAsAsync(People.Morgan);
        await WebChannelPage.Button(WebChannelPage.Card(morgan.ManagerChannel, "flag", flagId), "Approve practice").ClickAsync();
        await Expect(morgan.Toast).ToHaveAttributeAsync("data-outcome", "done");

        await morgan.Page.GetByTestId("run-due-work").ClickAsync();

        await Expect(morgan.Toast).ToContainTextAsync("Due work ran:");
        await Expect(morgan.ManagerChannel).ToContainTextAsync("Reminder: log the coaching session with Ana Ruiz");
        await Expect(morgan.DirectMessages).ToContainTextAsync("Your coaching digest");
        morgan.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task RunDueWorkNowIsNotOfferedOutsideDevelopment()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);

        await Expect(morgan.Page.GetByTestId("digest-now")).ToBeVisibleAsync();
        await Expect(morgan.Page.GetByTestId("run-due-work")).ToBeHiddenAsync();
    }
}
