namespace CoachLoop.Browser.Tests;

public sealed class FlagCardTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [SkippableFact]
    public async Task ScoredCallPostedThroughTheApiAppearsAsAFlagCardInTheManagersFeed()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);
        await Expect(morgan.ManagerChannel).ToContainTextAsync("#support-east (manager channel)");

        var callId = NewCallId();
        var flags = await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(callId, skipDisclosure: true));

        var empathy = WebChannelPage.Card(morgan.ManagerChannel, "flag", flags["empathy"]);
        await Expect(empathy).ToContainTextAsync("Coaching: Empathy");
        await Expect(empathy).ToContainTextAsync($"Ana Ruiz · call {callId}");
        await Expect(empathy).ToContainTextAsync($"\u201c{ScoredCalls.EmpathyQuote}\u201d");
        await Expect(empathy).ToContainTextAsync("Waiting for the manager to approve or swap the practice.");
        await Expect(WebChannelPage.Button(empathy, "Approve practice")).ToBeVisibleAsync();
        var compliance = WebChannelPage.Card(morgan.ManagerChannel, "flag", flags["disclosure"]);
        await Expect(compliance).ToContainTextAsync("URGENT · Compliance: Recorded-line disclosure");

        // Markdown is processed: the quote is italic and shows no underscores or escapes.
        await Expect(empathy.Locator("em", new() { HasText = "That is just our policy." })).ToBeVisibleAsync();
        await Expect(empathy).Not.ToContainTextAsync("_\u201c");

        await morgan.Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "web-channel.png"), FullPage = true });
        morgan.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task ApprovingThePracticeChangesTheCardForEveryoneWhoSeesIt()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);
        var riley = await OpenAsAsync(People.Riley);
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var morganCard = WebChannelPage.Card(morgan.ManagerChannel, "flag", flagId);
        var rileyCard = WebChannelPage.Card(riley.ManagerChannel, "flag", flagId);
        // Riley reviews disputes; flags are for the manager and the team's coaches, so Riley's copy has no buttons.
        await Expect(rileyCard).ToContainTextAsync("Waiting for the manager to approve or swap the practice.");
        await Expect(rileyCard.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(WebChannelPage.Button(morganCard, "Approve practice")).ToBeVisibleAsync();

        await WebChannelPage.Button(morganCard, "Approve practice").ClickAsync();

        await Expect(morgan.Toast).ToHaveAttributeAsync("data-outcome", "done");
        await Expect(morgan.Toast).ToContainTextAsync("Practice approved: 3 billing-dispute role-plays");
        foreach (var card in new[] { morganCard, rileyCard })
        {
            await Expect(card).ToContainTextAsync("Practice approved by Morgan Lee");
            await Expect(WebChannelPage.Button(card, "Approve practice")).ToHaveCountAsync(0);
        }

        await Expect(WebChannelPage.Button(morganCard, "Log session")).ToBeVisibleAsync();
        await Expect(rileyCard.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        morgan.AssertNoScriptErrors();
        riley.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task UpdatingOneCardLeavesTheOtherCardsInPlaceAndUntouched()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);
        var flags = await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId(), skipDisclosure: true));
        var empathy = WebChannelPage.Card(morgan.ManagerChannel, "flag", flags["empathy"]);
        var compliance = WebChannelPage.Card(morgan.ManagerChannel, "flag", flags["disclosure"]);
        await Expect(WebChannelPage.Button(empathy, "Approve practice")).ToBeVisibleAsync();
        await Expect(WebChannelPage.Button(compliance, "Approve practice")).ToBeVisibleAsync();
        var drawnFromFeed = await empathy.GetAttributeAsync("data-version");

        // Remember the very DOM nodes: a re-render or a rebuilt feed would replace them.
        await compliance.EvaluateAsync("item => { window.probeCard = item.querySelector('.ac-adaptiveCard'); window.probeItem = item; }");
        await empathy.EvaluateAsync("item => { window.probeUpdated = item; }");
        var orderBefore = await morgan.ManagerChannel.Locator("[data-testid=card]").EvaluateAllAsync<string[]>(
            "items => items.map(i => i.dataset.subjectId)");

        await WebChannelPage.Button(empathy, "Approve practice").ClickAsync();

        // The outbox delivers the update and the next poll draws it: the card's feed version moves on.
        await Expect(empathy).Not.ToHaveAttributeAsync("data-version", drawnFromFeed!);
        await Expect(empathy).ToContainTextAsync("Practice approved by Morgan Lee");
        Assert.True(await compliance.EvaluateAsync<bool>(
            "item => item === window.probeItem && item.querySelector('.ac-adaptiveCard') === window.probeCard"));
        Assert.True(await empathy.EvaluateAsync<bool>("item => item === window.probeUpdated"));
        var orderAfter = await morgan.ManagerChannel.Locator("[data-testid=card]").EvaluateAllAsync<string[]>(
            "items => items.map(i => i.dataset.subjectId)");
        Assert.Equal(orderBefore, orderAfter);
        morgan.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task SessionLogWithAPastFollowUpDateShowsTheErrorUnderThatFieldAndKeepsTheForm()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);
        var flagId = (await ScoredCalls.PostAsync(Api, ScoredCalls.LowEmpathy(NewCallId())))["empathy"];
        var card = WebChannelPage.Card(morgan.ManagerChannel, "flag", flagId);
        var drawnFromFeed = await card.GetAttributeAsync("data-version");
        await WebChannelPage.Button(card, "Approve practice").ClickAsync();
        await Expect(card).Not.ToHaveAttributeAsync("data-version", drawnFromFeed!); // the outbox delivered the approval

        await WebChannelPage.Button(card, "Log session").ClickAsync();
        var form = card.Locator(".ac-adaptiveCard .ac-adaptiveCard"); // the inline form inside the card
        await form.Locator("textarea").Nth(0).FillAsync("Ana felt the policy left her nothing to offer.");
        await form.Locator("textarea").Nth(1).FillAsync("Name the frustration first, then explain the fee.");
        await form.Locator("input[type=date]").FillAsync("2020-01-01");
        await WebChannelPage.Button(card, "Submit").ClickAsync();

        await Expect(card.GetByTestId("card-notice")).ToHaveAttributeAsync("data-outcome", "invalid");
        await Expect(card.Locator("[data-testid=input-error][data-input-id=followUpDate]"))
            .ToHaveTextAsync("The follow-up scoring date must be after today.");
        await Expect(form.Locator("textarea").Nth(1)).ToHaveValueAsync("Name the frustration first, then explain the fee.");
        var flag = await ScoredCalls.GetFlagAsync(Api, flagId);
        Assert.Equal("practiceApproved", (string)flag["status"]!);
        morgan.AssertNoScriptErrors();
    }
}
