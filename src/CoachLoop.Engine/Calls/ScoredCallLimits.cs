namespace CoachLoop.Engine.Calls;

/// <summary>
/// The longest value of each text field of a scored call: the size of the column that stores it (or, for the agent, of the
/// directory columns it is looked up in), so that what one provider would store and another refuse is refused by the validator
/// on every provider. A test holds these equal to the EF model's column sizes.
/// </summary>
public static class ScoredCallLimits
{
    /// <summary>ScoredCalls.Source, FlagStreakCalls.Source.</summary>
    public const int Source = 100;

    /// <summary>ScoredCalls.CallId, Flags.CallId, FlagStreakCalls.CallId.</summary>
    public const int CallId = 200;

    /// <summary>An email (People.Email, 320) or an external id (People.ExternalId, 200): the longer of the two.</summary>
    public const int Agent = 320;

    /// <summary>ScoredCalls.Queue.</summary>
    public const int Queue = 100;

    /// <summary>ScoredCalls.RecordingUrl.</summary>
    public const int RecordingUrl = 2000;

    /// <summary>Rubrics.Key.</summary>
    public const int RubricKey = 100;

    /// <summary>CriterionScores.CriterionId, Flags.CriterionId.</summary>
    public const int CriterionId = 100;

    /// <summary>An evidence quote, kept in the flag's plan: long enough for a paragraph of transcript.</summary>
    public const int Quote = 2000;

    /// <summary>The failing sentence of a quote.</summary>
    public const int FailingSentence = 2000;

    /// <summary>Transcript segments per call: a two-hour call split every few seconds. The transcript is checked, not stored.</summary>
    public const int TranscriptSegments = 5000;

    /// <summary>The text of one transcript segment; a quote of it is kept in the flag's plan.</summary>
    public const int SegmentText = 2000;
}
