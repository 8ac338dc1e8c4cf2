namespace CoachLoop.Bot.Api;

/// <summary>Limits of the HTTP API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// The largest request body accepted under <c>/api</c> and <c>/web/api</c>, in bytes; a larger one is answered 413 before it
    /// is read. The default holds a batch of 500 calls of 10 scored criteria, each with a quote and a failing sentence at their
    /// longest (see <c>ScoredCallLimits</c>), about 22 MB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;
}
