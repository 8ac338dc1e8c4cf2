using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachLoop.Engine.Calls;

/// <summary>
/// A content hash of a scored call that ignores presentation: 45 and 45.0 are the same score,
/// and the order of criterion scores does not matter.
/// </summary>
public static class CallFingerprint
{
    public static string Compute(ScoredCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var sb = new StringBuilder();
        Append(sb, call.Source.Trim());
        Append(sb, call.CallId.Trim());
        Append(sb, call.Agent.Trim().ToLowerInvariant());
        Append(sb, call.CallTime.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(sb, call.Duration?.Ticks.ToString(CultureInfo.InvariantCulture));
        Append(sb, call.Queue);
        Append(sb, call.RubricKey);
        Append(sb, call.RubricVersion.ToString(CultureInfo.InvariantCulture));
        Append(sb, D(call.OverallScore));
        Append(sb, call.RecordingUrl);
        foreach (var s in call.Scores.OrderBy(s => s.CriterionId, StringComparer.Ordinal))
        {
            Append(sb, s.CriterionId);
            Append(sb, D(s.Score));
            Append(sb, s.Evidence?.Quote);
            Append(sb, s.Evidence?.Offset.Ticks.ToString(CultureInfo.InvariantCulture));
            Append(sb, s.Evidence?.FailingSentence);
        }

        // Appended only when present, so the hash of a call without a transcript is what it was before transcripts existed.
        if (call.Transcript?.Segments is { } segments)
        {
            Append(sb, "transcript");
            foreach (var segment in segments)
            {
                Append(sb, segment.Speaker.ToString());
                Append(sb, segment.Start.Ticks.ToString(CultureInfo.InvariantCulture));
                Append(sb, segment.Text);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string D(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    // Length-prefixed so that field boundaries cannot be forged by the content.
    private static void Append(StringBuilder sb, string? value) =>
        sb.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('|');
}
