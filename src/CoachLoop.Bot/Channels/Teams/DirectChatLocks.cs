using System.Collections.Concurrent;

namespace CoachLoop.Bot.Channels.Teams;

/// <summary>
/// One gate per person, so that within a host only one delivery opens a person's 1:1 chat while the others wait for it and then
/// use the stored chat (the outbox runs lanes in parallel: a compliance and a quality card for one agent travel at once).
/// A gate is dropped again when nobody holds or waits for it.
/// </summary>
public sealed class DirectChatLocks
{
    private readonly ConcurrentDictionary<Guid, Gate> _gates = new();

    public async Task<IDisposable> EnterAsync(Guid personId, CancellationToken ct)
    {
        Gate gate;
        while (true)
        {
            gate = _gates.GetOrAdd(personId, _ => new Gate());
            lock (gate)
            {
                // A gate already dropped from the map must not be joined: take (or make) the current one.
                if (!gate.Retired)
                {
                    gate.Users++;
                    break;
                }
            }
        }

        try
        {
            await gate.Semaphore.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            Leave(personId, gate, false);
            throw;
        }

        return new Releaser(() => Leave(personId, gate, true));
    }

    private void Leave(Guid personId, Gate gate, bool held)
    {
        if (held)
        {
            gate.Semaphore.Release();
        }

        lock (gate)
        {
            if (--gate.Users == 0)
            {
                gate.Retired = true;
                _gates.TryRemove(new KeyValuePair<Guid, Gate>(personId, gate));
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
        public bool Retired { get; set; }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                release();
            }
        }
    }
}
