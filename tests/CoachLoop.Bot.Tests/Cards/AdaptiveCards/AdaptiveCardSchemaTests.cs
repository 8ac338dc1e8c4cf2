using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Cards.AdaptiveCards;

/// <summary>The validator itself: it must accept what Teams accepts and, above all, be able to say no.</summary>
public sealed class AdaptiveCardSchemaTests
{
    private const string MinimalCard = """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Hi" } ] }""";

    [Fact]
    public void SchemaFileIsTheUnchangedOfficialCopy()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(AdaptiveCardSchema.FindFile())));

        Assert.Equal("32c91fb285180a266a55b3475dd0396e63fe079311714d3a14963b41f5e17920", hash);
    }

    [Fact]
    public void PatchAllowsForEachSlipWithoutTouchingTheLoadedOfficialSchema()
    {
        var official = AdaptiveCardSchema.Load();

        var patched = AdaptiveCardSchema.Patch(official);

        var definitions = patched["definitions"]!;
        Assert.NotNull(definitions["Container"]!["properties"]!["rtl"]);
        Assert.NotNull(definitions["TableCell"]!["properties"]!["rtl"]);
        Assert.NotNull(definitions["Table"]!["properties"]!["firstRowAsHeaders"]);
        Assert.Contains("filtered", definitions["ChoiceInputStyle"]!["anyOf"]![0]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)patched["$id"]);
        Assert.Null(definitions["TextBlock"]!["properties"]!["fontType"]!["version"]);
        Assert.NotNull(definitions["AdaptiveCard"]!["properties"]!["version"]);
        Assert.NotNull(official["definitions"]!["Container"]!["properties"]!["rtl?"]);
        Assert.NotNull(official["id"]);
    }

    [Fact]
    public async Task MinimalCardIsValid()
    {
        Assert.Empty(await AdaptiveCardSchema.ValidateAsync(JsonNode.Parse(MinimalCard)!));
    }

    [Theory]
    [InlineData("""{ "type": "AdaptiveCard", "version": 1.5 }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Marquee", "text": "Hi" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Hi", "colour": "good" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Hi", "wrap": "yes" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "label": "No id" } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.ChoiceSet", "id": "x", "choices": [], "maxLength": 5 } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "verb": "x", "data": 3 } ] }""")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Container", "items": [], "rtl?": true } ] }""")]
    public async Task UnknownPropertiesWrongTypesAndUnknownElementsAreInvalid(string json)
    {
        Assert.NotEmpty(await AdaptiveCardSchema.ValidateAsync(JsonNode.Parse(json)!));
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("msTeams")]
    [InlineData("speakText")]
    [InlineData("metadata")]
    public async Task AnyRootPropertyOtherThanMsteamsIsInvalid(string property)
    {
        var card = JsonNode.Parse(MinimalCard)!;
        card[property] = new JsonObject { ["width"] = "Full" };

        Assert.NotEmpty(await AdaptiveCardSchema.ValidateAsync(card));
    }

    [Fact]
    public async Task MsteamsFullWidthIsValidOnTheTopLevelCard()
    {
        var card = JsonNode.Parse(MinimalCard)!;
        card["msteams"] = new JsonObject { ["width"] = "Full" };

        Assert.Empty(await AdaptiveCardSchema.ValidateAsync(card));
    }

    [Fact]
    public async Task MsteamsIsInvalidInsideAShowCard()
    {
        var card = JsonNode.Parse(
            """
            { "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.ShowCard", "title": "More",
              "card": { "type": "AdaptiveCard", "body": [], "msteams": { "width": "Full" } } } ] }
            """)!;

        Assert.NotEmpty(await AdaptiveCardSchema.ValidateAsync(card));
    }

    [Fact]
    public async Task MsteamsWithAnUnknownSettingIsInvalid()
    {
        var card = JsonNode.Parse(MinimalCard)!;
        card["msteams"] = new JsonObject { ["height"] = "Full" };

        Assert.NotEmpty(await AdaptiveCardSchema.ValidateAsync(card));
    }

    [Theory]
    [InlineData("""{ "type": "Container", "items": [], "rtl": true }""")]
    [InlineData("""{ "type": "Input.ChoiceSet", "id": "who", "style": "filtered", "choices": [ { "title": "Ana", "value": "ana" } ] }""")]
    [InlineData("""{ "type": "Table", "firstRowAsHeaders": true, "columns": [ { "width": 1 } ], "rows": [ { "type": "TableRow", "cells": [ { "type": "TableCell", "rtl": false, "items": [] } ] } ] }""")]
    public async Task DocumentedSlipsAreAllowed(string element)
    {
        var card = JsonNode.Parse(MinimalCard)!;
        card["body"]!.AsArray().Add(JsonNode.Parse(element));

        Assert.Empty(await AdaptiveCardSchema.ValidateAsync(card));
    }
}
