namespace CoachLoop.Data.Outbox;

/// <summary>Wakes the dispatcher as soon as new outbox rows are committed, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Pulse()
    {
        if (_pulse.CurrentCount == 0)
        {
            try
            {
                _pulse.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another pulse got there first: one wake-up is enough.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _pulse.WaitAsync(timeout, ct).ConfigureAwait(false);

    public void Dispose() => _pulse.Dispose();
}
