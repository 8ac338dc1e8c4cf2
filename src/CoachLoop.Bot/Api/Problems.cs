using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Api;

/// <summary>RFC 7807 answers whose <c>errors</c> name each refused field.</summary>
internal static class Problems
{
    public static IDictionary<string, string[]> ToDictionary(IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Validation(IEnumerable<ValidationError> errors, string? detail = null) =>
        TypedResults.ValidationProblem(ToDictionary(errors), detail: detail ?? "Nothing was changed. Fix the fields listed in 'errors'.",
            title: "The request is invalid");

    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Validation(string field, string message) =>
        Validation([new ValidationError(field, message)]);
}
