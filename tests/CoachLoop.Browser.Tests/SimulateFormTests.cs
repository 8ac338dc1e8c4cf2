namespace CoachLoop.Browser.Tests;

public sealed class SimulateFormTests(BrowserFixture browsers) : BrowserTest(browsers)
{
    [SkippableFact]
    public async Task SimulatedCallGoesThroughTheRealApiAndItsFlagCardAppears()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);
        var page = morgan.Page;
        await Expect(page.GetByTestId("sim-submit")).ToBeVisibleAsync();
        await page.GetByTestId("sim-agent").SelectOptionAsync(People.AnaEmail);
        var callId = NewCallId();
        await page.GetByTestId("sim-call-id").FillAsync(callId);
        await page.GetByTestId("sim-score-disclosure").FillAsync("0");
        await page.GetByTestId("sim-score-empathy").FillAsync("45");

        await page.GetByTestId("sim-submit").ClickAsync();

        var result = page.GetByTestId("sim-result");
        await Expect(result).ToHaveAttributeAsync("data-outcome", "accepted");
        await Expect(result.GetByTestId("sim-flag")).ToHaveCountAsync(2);
        await Expect(result).ToContainTextAsync("compliance (urgent) on disclosure");
        var cards = morgan.ManagerChannel.Locator("[data-testid=card][data-kind=flag]", new() { HasText = $"call {callId}" });
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.Filter(new() { HasText = "Compliance: Recorded-line disclosure" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("sim-call-id")).Not.ToHaveValueAsync(callId); // ready for the next call
        morgan.AssertNoScriptErrors();
    }

    [SkippableFact]
    public async Task SimulatedCallWithABadOffsetShowsTheApisFieldErrorAndStoresNothing()
    {
        await StartAsync();
        var morgan = await OpenAsAsync(People.Morgan);
        var page = morgan.Page;
        await Expect(page.GetByTestId("sim-submit")).ToBeVisibleAsync();
        await page.GetByTestId("sim-offset-empathy").FillAsync("twelve minutes in");

        await page.GetByTestId("sim-submit").ClickAsync();

        var result = page.GetByTestId("sim-result");
        await Expect(result).ToHaveAttributeAsync("data-outcome", "rejected");
        await Expect(result.GetByTestId("sim-error")).ToContainTextAsync("'twelve minutes in' is not an offset like 00:12:04");
        var flags = await Api.GetFromJsonAsync<System.Text.Json.JsonElement>("api/v1/flags");
        Assert.Equal(0, flags.GetProperty("items").GetArrayLength());
        morgan.AssertNoScriptErrors();
    }
}
