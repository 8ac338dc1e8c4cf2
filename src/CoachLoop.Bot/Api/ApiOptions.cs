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

    /// <summary>
    /// The largest body of a backfill import (<c>POST /api/v1/scored-calls/imports</c>), in bytes, which takes months of calls
    /// at once; the default holds some 500,000 typical calls. The body is held in memory while its lines are stored.
    /// </summary>
    public long MaxImportBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The cap of a request: <see cref="MaxImportBodyBytes"/> for an import, else <see cref="MaxRequestBodyBytes"/>.</summary>
    public long CapFor(HttpRequest request) =>
        request?.Path.StartsWithSegments(Backfill.ImportsApi.Path, StringComparison.OrdinalIgnoreCase) == true ? MaxImportBodyBytes : MaxRequestBodyBytes;

    /// <summary>The setting that sets <see cref="CapFor"/> of a request, as the 413 names it.</summary>
    public static string SettingFor(HttpRequest request) =>
        request?.Path.StartsWithSegments(Backfill.ImportsApi.Path, StringComparison.OrdinalIgnoreCase) == true ? "Api:MaxImportBodyBytes" : "Api:MaxRequestBodyBytes";
}
