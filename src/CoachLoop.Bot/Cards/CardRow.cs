namespace CoachLoop.Bot.Cards;

/// <summary>
/// One subject in a list card: "Ana Ruiz · Empathy 45 / 70 · call 4471", under a group heading (its state), with the buttons that
/// act on that subject directly (their data names the row's own card) and an "Open card" that shows its full card.
/// </summary>
/// <param name="Group">The heading the row sits under, e.g. "Waiting for practice approval"; rows of one group are adjacent.</param>
/// <param name="Label">Who or what, in bold: the agent's name.</param>
/// <param name="Text">The rest of the line: criterion, score, call, state.</param>
/// <param name="Actions">The row's buttons, all about the same subject.</param>
/// <param name="Urgent">Compliance: marked loud in every channel.</param>
public sealed record CardRow(string Group, string Label, string Text, IReadOnlyList<CardAction> Actions, bool Urgent = false);
