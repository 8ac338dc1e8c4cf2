namespace CoachLoop.Data.Stores;

/// <summary>
/// Lets one intake transaction of this process at a time write an SQLite file. SQLite has one writer anyway; without the
/// gate, concurrent requests find the file locked and wait in SQLite's busy handler, which sleeps in steps of milliseconds
/// to a hundred, instead of being handed the lock the moment it is free. Other processes and other writers still meet
/// SQLite's own lock. Not used on PostgreSQL, whose rows lock one by one.
/// </summary>
public sealed class IntakeWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
