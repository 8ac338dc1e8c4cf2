namespace CoachLoop.Engine.Flags;

/// <summary>
/// The order in which an agent's calls follow each other: by call time, ties broken by (source, call id)
/// in ordinal order, so the order is the same however and whenever the calls arrive.
/// </summary>
public sealed class CallOrder : IComparer<HistoryCall>
{
    public static CallOrder Instance { get; } = new();

    public int Compare(HistoryCall? x, HistoryCall? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.CallTime.UtcTicks.CompareTo(y.CallTime.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var bySource = string.CompareOrdinal(x.Source, y.Source);
        return bySource != 0 ? bySource : string.CompareOrdinal(x.CallId, y.CallId);
    }
}
