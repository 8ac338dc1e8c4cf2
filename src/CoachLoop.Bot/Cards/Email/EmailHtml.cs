using System.Text;

namespace CoachLoop.Bot.Cards.Email;

/// <summary>
/// The HTML of a card email, written as mail clients read it: one self-contained document, inline styles only (many clients drop
/// style sheets), links as plain anchors. Every value is encoded here; callers pass text, never markup.
/// </summary>
internal sealed class EmailHtml
{
    private readonly StringBuilder _body = new();

    public void Header(string title, string? subtitle, CardTone tone)
    {
        var colour = tone switch
        {
            CardTone.Urgent => "#a4262c",
            CardTone.Attention => "#8a6100",
            CardTone.Good => "#107c10",
            _ => "#201f1e",
        };
        _body.Append("<h1 style=\"font-size:20px;margin:0 0 4px;color:").Append(colour).Append("\">").Append(E(title)).Append("</h1>\n");
        if (subtitle is not null)
        {
            _body.Append("<p style=\"margin:0 0 16px;color:#555\">").Append(E(subtitle)).Append("</p>\n");
        }
    }

    public void Facts(IReadOnlyList<CardFact> facts)
    {
        _body.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px\">\n");
        foreach (var fact in facts)
        {
            _body.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;vertical-align:top\">").Append(E(fact.Label))
                .Append("</th><td style=\"padding:2px 0\">").Append(E(fact.Value)).Append("</td></tr>\n");
        }

        _body.Append("</table>\n");
    }

    /// <summary>A picture carried in the message itself (<c>multipart/related</c>), so it shows without loading anything remote.</summary>
    public void Image(string contentId, CardImage image) =>
        _body.Append("<p style=\"margin:0 0 12px\"><img src=\"cid:").Append(E(contentId)).Append("\" alt=\"").Append(E(image.AltText))
            .Append("\" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height).Append("\" style=\"display:block;border:0\"></p>\n");

    public void Heading(string text) =>
        _body.Append("<h2 style=\"font-size:16px;margin:16px 0 4px\">").Append(E(text)).Append("</h2>\n");

    public void Paragraph(string text, string? style)
    {
        _body.Append(style is null ? "<p>" : $"<p style=\"{style}\">").Append(E(text)).Append("</p>\n");
    }

    public void Row(CardRow row, IReadOnlyList<(string Title, Uri? Url)> links)
    {
        _body.Append("<p style=\"margin:4px 0\">");
        if (row.Urgent)
        {
            _body.Append("<strong style=\"color:#a4262c\">URGENT</strong> ");
        }

        _body.Append("<strong>").Append(E(row.Label)).Append("</strong> \u00b7 ").Append(E(row.Text));
        if (links.Count > 0)
        {
            _body.Append("<br>");
            AppendLinks(links);
        }

        _body.Append("</p>\n");
    }

    public void Actions(IReadOnlyList<(string Title, Uri? Url)> links)
    {
        _body.Append("<p style=\"margin:16px 0\">");
        AppendLinks(links);
        _body.Append("</p>\n");
    }

    public string Finish(string title) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>"
        + E(title) + "</title>\n</head>\n<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#201f1e;max-width:640px\">\n"
        + _body + "</body>\n</html>\n";

    private void AppendLinks(IReadOnlyList<(string Title, Uri? Url)> links)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (i > 0)
            {
                _body.Append(" &middot; ");
            }

            var (title, url) = links[i];
            if (url is null)
            {
                _body.Append("<span style=\"color:#555\">").Append(E(title)).Append(" (in chat)</span>");
            }
            else
            {
                _body.Append("<a href=\"").Append(E(url.AbsoluteUri)).Append("\">").Append(E(title)).Append("</a>");
            }
        }
    }

    private static string E(string value) => EmailCardRenderer.Encode(value);
}
