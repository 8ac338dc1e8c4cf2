namespace CoachLoop.Bot.Backfill;

/// <summary>Wakes this host's import worker when an import is submitted here, instead of at its next poll.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Pulse()
    {
        try
        {
            _pulse.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one wake-up is enough.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _pulse.WaitAsync(timeout, ct).ConfigureAwait(false);

    public void Dispose() => _pulse.Dispose();
}
