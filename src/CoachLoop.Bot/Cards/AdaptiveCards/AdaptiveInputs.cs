using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.AdaptiveCards;

/// <summary>
/// Form fields: <see href="https://adaptivecards.io/explorer/Input.Text.html">Input.Text</see> (single or multiline),
/// <see href="https://adaptivecards.io/explorer/Input.ChoiceSet.html">Input.ChoiceSet</see> (a drop-down) and
/// <see href="https://adaptivecards.io/explorer/Input.Date.html">Input.Date</see>. Values come back under each input's id.
/// Labels, placeholders, values and choices are shown as plain text by the renderers, so nothing here is neutralised.
/// </summary>
internal static class AdaptiveInputs
{
    /// <summary>Shown under a required field left empty when the model gives no message of its own.</summary>
    public const string DefaultRequiredMessage = "This field is required.";

    public static JsonObject Build(CardInput input)
    {
        var field = new JsonObject
        {
            ["type"] = input.Kind switch
            {
                CardInputKind.Choice => "Input.ChoiceSet",
                CardInputKind.Date => "Input.Date",
                _ => "Input.Text",
            },
            ["id"] = input.Id,
            ["label"] = input.Label,
        };
        if (input.Required)
        {
            field["isRequired"] = true;
        }

        if ((input.ErrorMessage ?? (input.Required ? DefaultRequiredMessage : null)) is { } error)
        {
            field["errorMessage"] = error;
        }

        switch (input.Kind)
        {
            case CardInputKind.MultilineText:
                field["isMultiline"] = true;
                AddMaxLength(field, input);
                break;
            case CardInputKind.Text:
                AddMaxLength(field, input);
                break;
            case CardInputKind.Choice:
                field["style"] = "compact";
                field["choices"] = Choices(input.Choices ?? []);
                break;
        }

        if (input.Value is { } value)
        {
            field["value"] = value;
        }

        if (input.Placeholder is { } placeholder)
        {
            field["placeholder"] = placeholder;
        }

        return field;
    }

    // Only text inputs have a length; the schema rejects maxLength on a ChoiceSet or Date.
    private static void AddMaxLength(JsonObject field, CardInput input)
    {
        if (input.MaxLength is { } maxLength)
        {
            field["maxLength"] = maxLength;
        }
    }

    private static JsonArray Choices(IReadOnlyList<CardChoice> choices)
    {
        var array = new JsonArray();
        foreach (var choice in choices)
        {
            array.Add(new JsonObject { ["title"] = choice.Title, ["value"] = choice.Value });
        }

        return array;
    }
}
