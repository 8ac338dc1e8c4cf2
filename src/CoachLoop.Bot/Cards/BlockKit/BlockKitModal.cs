using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Cards.BlockKit;

/// <summary>
/// The form of an action with inputs, as a <see href="https://api.slack.com/reference/surfaces/views">modal view</see>: one
/// <see href="https://api.slack.com/reference/block-kit/blocks#input">input block</see> per input whose <c>block_id</c> and
/// <c>action_id</c> are the input's id, so submitted values and per-field errors line up with the
/// card model's input ids.
/// </summary>
public static class BlockKitModal
{
    public static JsonObject Build(Card card, CardAction action, string callbackId, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(privateMetadata);
        if (privateMetadata.Length > BlockKitText.MaxPrivateMetadata)
        {
            throw new ArgumentException("private_metadata is limited to 3000 characters.", nameof(privateMetadata));
        }

        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "section", ["text"] = BlockKitText.Verbatim($"*{BlockKitText.Escape(card.Title)}*", BlockKitText.MaxSectionText) },
        };
        if (!string.IsNullOrWhiteSpace(card.Subtitle))
        {
            blocks.Add(BlockKitRenderer.Context(BlockKitText.Escape(card.Subtitle)));
        }

        foreach (var input in action.Inputs.Take(BlockKitText.MaxBlocksPerView - blocks.Count))
        {
            blocks.Add(Input(input));
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["private_metadata"] = privateMetadata,
            ["title"] = BlockKitText.Plain(action.Title, BlockKitText.MaxViewTitle),
            ["submit"] = BlockKitText.Plain(action.Title, BlockKitText.MaxViewTitle),
            ["close"] = BlockKitText.Plain("Cancel", BlockKitText.MaxViewTitle),
            ["blocks"] = blocks,
        };
    }

    /// <summary>A modal that only says something (a refusal or a stale card), replacing the form.</summary>
    public static JsonObject Notice(string title, string text) => new()
    {
        ["type"] = "modal",
        ["title"] = BlockKitText.Plain(title, BlockKitText.MaxViewTitle),
        ["close"] = BlockKitText.Plain("Close", BlockKitText.MaxViewTitle),
        ["blocks"] = new JsonArray(BlockKitRenderer.Section(BlockKitText.Escape(text))),
    };

    private static JsonObject Input(CardInput input)
    {
        var element = input.Kind switch
        {
            CardInputKind.Choice => Choice(input),
            CardInputKind.Date => Date(input),
            _ => Text(input),
        };
        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = input.Id,
            ["label"] = BlockKitText.Plain(input.Label, BlockKitText.MaxLabel),
            ["optional"] = !input.Required,
            ["element"] = element,
        };
    }

    private static JsonObject Text(CardInput input)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = input.Id, ["multiline"] = input.Kind == CardInputKind.MultilineText };
        if (!string.IsNullOrEmpty(input.Value))
        {
            element["initial_value"] = BlockKitText.Clip(input.Value, input.MaxLength ?? BlockKitText.MaxSectionText);
        }

        if (input.MaxLength is { } max)
        {
            element["max_length"] = Math.Min(max, BlockKitText.MaxSectionText);
        }

        if (!string.IsNullOrEmpty(input.Placeholder))
        {
            element["placeholder"] = BlockKitText.Plain(input.Placeholder, BlockKitText.MaxPlaceholder);
        }

        return element;
    }

    private static JsonObject Choice(CardInput input)
    {
        var choices = (input.Choices ?? []).Take(100).ToList();
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = input.Id,
            ["placeholder"] = BlockKitText.Plain(input.Placeholder ?? "Choose", BlockKitText.MaxPlaceholder),
            ["options"] = new JsonArray([.. choices.Select(BlockKitActions.Option)]),
        };
        if (choices.FirstOrDefault(c => c.Value == input.Value) is { } current)
        {
            element["initial_option"] = BlockKitActions.Option(current);
        }

        return element;
    }

    private static JsonObject Date(CardInput input)
    {
        var element = new JsonObject { ["type"] = "datepicker", ["action_id"] = input.Id };
        if (DateOnly.TryParseExact(input.Value, "yyyy-MM-dd", out _))
        {
            element["initial_date"] = input.Value;
        }

        return element;
    }
}
