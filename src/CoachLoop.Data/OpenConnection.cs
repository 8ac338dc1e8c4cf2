using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data;

/// <summary>
/// Keeps a context's connection open for one unit of work (a click, a delivery, a Teams activity), so its queries share one
/// open instead of opening and closing the connection around each. Opens nest: an inner unit of work leaves it open.
/// </summary>
public readonly struct OpenConnection : IAsyncDisposable
{
    private readonly CoachLoopDbContext? _db;

    private OpenConnection(CoachLoopDbContext db) => _db = db;

    public static async Task<OpenConnection> OpenAsync(CoachLoopDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        return new OpenConnection(db);
    }

    public ValueTask DisposeAsync() => _db is null ? ValueTask.CompletedTask : new(_db.Database.CloseConnectionAsync());
}
