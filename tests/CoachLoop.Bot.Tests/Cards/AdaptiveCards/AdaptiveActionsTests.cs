using System.Text.Json.Nodes;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Cards.AdaptiveCards;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

/// <summary>Buttons, forms and the six-button limit of Teams.</summary>
public sealed class AdaptiveActionsTests
{
    [Fact]
    public async Task ActionWithoutInputsIsAnExecuteCarryingVerbTitleAndData()
    {
        var card = SampleCards.Minimal() with
        {
            Actions = [new(CardVerbs.ApprovePractice, "Approve practice", CardActionStyle.Primary, SampleCards.Data("scenario", "fee"), [])],
        };

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        var action = Assert.Single(json["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("approvePractice", (string?)action["verb"]);
        Assert.Equal("Approve practice", (string?)action["title"]);
        Assert.True(JsonNode.DeepEquals(
            new JsonObject { ["kind"] = "flag", ["subjectId"] = SampleCards.SubjectId.ToString(), ["v"] = "3", ["scenario"] = "fee" },
            action["data"]));
        Assert.Null(action["associatedInputs"]);
    }

    [Theory]
    [InlineData(CardActionStyle.Primary, "positive")]
    [InlineData(CardActionStyle.Destructive, "destructive")]
    [InlineData(CardActionStyle.Default, null)]
    public void ActionStyleMapsToPositiveDestructiveOrNone(CardActionStyle style, string? expected)
    {
        var card = SampleCards.Minimal() with { Actions = [SampleCards.Action(CardVerbs.Resolve, "Resolve", style)] };

        var action = AdaptiveCardRenderer.Render(card)["actions"]![0]!.AsObject();

        Assert.Equal(expected, (string?)action["style"]);
        Assert.Equal(expected is not null, action.ContainsKey("style"));
    }

    [Fact]
    public async Task ActionWithInputsOpensAFormWhoseOnlyButtonExecutesWithItsInputs()
    {
        var card = SampleCards.Minimal() with { Actions = [SampleCards.Action(CardVerbs.Dismiss, "Dismiss", CardActionStyle.Destructive, SampleCards.Reason)] };

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        var showCard = Assert.Single(json["actions"]!.AsArray())!;
        Assert.Equal("Action.ShowCard", (string?)showCard["type"]);
        Assert.Equal("Dismiss", (string?)showCard["title"]);
        Assert.Null(showCard["verb"]);
        var form = showCard["card"]!.AsObject();
        Assert.Equal("AdaptiveCard", (string?)form["type"]);
        Assert.False(form.ContainsKey("version"));
        Assert.False(form.ContainsKey("$schema"));
        Assert.Equal("reason", (string?)Assert.Single(form["body"]!.AsArray())!["id"]);
        var submit = Assert.Single(form["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)submit["type"]);
        Assert.Equal("dismiss", (string?)submit["verb"]);
        Assert.Equal("Submit", (string?)submit["title"]);
        Assert.Equal("destructive", (string?)submit["style"]);
        Assert.Equal("auto", (string?)submit["associatedInputs"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(SampleCards.Data())), submit["data"]));
    }

    [Fact]
    public async Task EveryInputKindMapsToItsAdaptiveInput()
    {
        var card = SampleCards.Minimal() with { Actions = [SampleCards.Action(CardVerbs.LogSession, "Log session", CardActionStyle.Primary, SampleCards.EveryInputKind)] };

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        var inputs = json["actions"]![0]!["card"]!["body"]!.AsArray();
        Assert.Equal(
            """{"type":"Input.Text","id":"ticket","label":"Ticket","errorMessage":"Use the ticket number","maxLength":40,"value":"ABC-1","placeholder":"ABC-123"}""",
            inputs[0]!.ToJsonString());
        Assert.Equal(
            """{"type":"Input.Text","id":"note","label":"What did you practise?","isRequired":true,"errorMessage":"This field is required.","isMultiline":true,"maxLength":1000,"placeholder":"A sentence or two"}""",
            inputs[1]!.ToJsonString());
        Assert.Equal(
            """{"type":"Input.ChoiceSet","id":"scenario","label":"Scenario","isRequired":true,"errorMessage":"This field is required.","style":"compact","choices":[{"title":"Fee dispute","value":"fee"},{"title":"Angry caller","value":"angry"}],"value":"fee","placeholder":"Pick one"}""",
            inputs[2]!.ToJsonString());
        Assert.Equal(
            """{"type":"Input.Date","id":"when","label":"Session date","isRequired":true,"errorMessage":"Pick the day of the session","value":"2026-11-27"}""",
            inputs[3]!.ToJsonString());
    }

    [Fact]
    public void InputValuesLabelsAndChoicesAreLeftAsTyped()
    {
        var input = new CardInput("note", "Notes *optional*", CardInputKind.Choice, Required: false, Value: "a_b", Choices: [new("**Bold** idea", "a_b")]);
        var card = SampleCards.Minimal() with { Actions = [SampleCards.Action(CardVerbs.LogSession, "Log", CardActionStyle.Default, input)] };

        var field = AdaptiveCardRenderer.Render(card)["actions"]![0]!["card"]!["body"]![0]!;

        Assert.Equal("Notes *optional*", (string?)field["label"]);
        Assert.Equal("a_b", (string?)field["value"]);
        Assert.Equal("**Bold** idea", (string?)field["choices"]![0]!["title"]);
        Assert.Null(field["isRequired"]);
        Assert.Null(field["errorMessage"]);
    }

    [Fact]
    public async Task SixActionsAllStayInTheActionBar()
    {
        var json = AdaptiveCardRenderer.Render(SampleCards.WithActions(6));

        await AdaptiveCardSchema.AssertValidAsync(json);
        Assert.All(json["actions"]!.AsArray(), a => Assert.Equal("Action.Execute", (string?)a!["type"]));
        Assert.Equal(6, json["actions"]!.AsArray().Count);
    }

    [Fact]
    public async Task PastSixActionsTheFirstFiveStayAndTheRestMoveUnderMore()
    {
        var card = SampleCards.Full() with { Actions = [.. SampleCards.Full().Actions, .. SampleCards.WithActions(3).Actions] };

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        var bar = json["actions"]!.AsArray();
        Assert.Equal(6, bar.Count);
        Assert.Equal(["Approve practice", "Swap scenario", "Log session", "Dismiss", "Action 1", "More\u2026"], bar.Select(a => (string?)a!["title"]));
        Assert.Equal("Action.ShowCard", (string?)bar[5]!["type"]);
        Assert.Equal(["Action 2", "Action 3"], bar[5]!["card"]!["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        Assert.Equal("Action.ShowCard", (string?)bar[1]!["type"]);
    }

    [Fact]
    public async Task ManyActionsNestMoreSoNoBarExceedsSixAndNoneIsLost()
    {
        var card = SampleCards.WithActions(14);

        var json = AdaptiveCardRenderer.Render(card);

        await AdaptiveCardSchema.AssertValidAsync(json);
        var titles = new List<string>();
        for (var bar = json["actions"]!.AsArray(); bar is not null; bar = bar.Count == 6 ? bar[5]!["card"]?["actions"]?.AsArray() : null)
        {
            Assert.InRange(bar.Count, 1, 6);
            titles.AddRange(bar.Where(a => (string?)a!["title"] != "More\u2026").Select(a => (string)a!["title"]!));
        }

        Assert.Equal(card.Actions.Select(a => a.Title), titles);
    }
}
