namespace CoachLoop.Data.Stores;

/// <summary>How a directory batch is checked and saved.</summary>
/// <param name="Labels">What each person is called in errors, in order (a CSV import says <c>line 4</c>); by default
/// <c>[i]</c>, or nothing for a batch of one.</param>
/// <param name="CreateTeams">Whether a team key that no team has yet creates that team; when false it is an error on each
/// person naming it, so that a typo does not make a team without a manager.</param>
public sealed record DirectoryUpsertOptions(IReadOnlyList<string>? Labels = null, bool CreateTeams = true);
