using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Api.OpenApi;

/// <summary>What each problem answer looks like, as the API writes it (RFC 7807, <c>application/problem+json</c>).</summary>
internal static class ProblemExamples
{
    public static readonly JsonNode Invalid = new JsonObject
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ["title"] = "The request is invalid",
        ["status"] = 400,
        ["detail"] = "Nothing was changed. Fix the fields listed in 'errors'.",
        ["errors"] = new JsonObject { ["limit"] = new JsonArray("must be a whole number from 1 to 500 (default 100)") },
    };

    public static readonly JsonNode Unauthorized = Problem(401, "Unauthorized", "Send an API key as 'Authorization: Bearer <key>'.");

    public static readonly JsonNode NotFound = Problem(404, "Not found", "No flag 0193a4c2-7d1e-7c3a-9f10-2b6d8e4f5a61.");

    public static readonly JsonNode Conflict = new JsonObject
    {
        ["type"] = "urn:coachloop:flag.practice-already-completed",
        ["title"] = "Not allowed now",
        ["status"] = 409,
        ["detail"] = "The practice is already marked completed.",
    };

    public static readonly JsonNode TooLarge = Problem(413, "Request body too large", "The body is over the configured cap; send fewer calls per request.");

    public static string Describe(int status) => status switch
    {
        400 => "The request is invalid: `errors` names each refused field. Nothing was changed.",
        401 => "No API key, or one that is unknown or revoked.",
        404 => "Nothing with the id in the path.",
        409 => "The state does not allow this now (a domain rule, or a concurrent change); nothing was changed.",
        413 => "The request body is over the size cap.",
        _ => "A problem.",
    };

    private static JsonObject Problem(int status, string title, string detail) => new()
    {
        ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}",
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
    };
}
