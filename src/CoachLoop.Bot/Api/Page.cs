namespace CoachLoop.Bot.Api;

/// <summary>
/// One page of a list. <c>next</c> is the link to the following page (also sent as <c>Link: &lt;...&gt;; rel="next"</c>)
/// and <c>nextCursor</c> its cursor; both are absent on the last page.
/// </summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? Next, string? NextCursor);
