using CoachLoop.Data.Stores;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>
/// The API key the web page's "simulate a scored call" form uses to post to the real API. Made once per
/// process, stored hashed like any key (not an admin key), and handed only to loopback callers of the web channel. Key names
/// are unique, so each process's key has its own.
/// </summary>
public sealed class WebDemoKey(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _secret;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_secret is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                (_, _secret) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync("web-channel-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)), ct).ConfigureAwait(false);
            }

            return _secret;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
