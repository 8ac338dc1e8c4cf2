using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Teams.Connector;

/// <summary>
/// Where the bot token may go: the configured Teams hosts and the service URLs that arrived on authenticated activities. HTTPS
/// only, except loopback URLs that are configured explicitly or seen in development mode.
/// </summary>
public sealed class TrustedServiceUrls(IOptions<TeamsOptions> options)
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(string serviceUrl) => _seen[Base(serviceUrl)] = true;

    public bool IsTrusted(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (uri.Scheme != Uri.UriSchemeHttps && !loopback)
        {
            return false;
        }

        if (options.Value.DevelopmentMode && !options.Value.HasCredentials)
        {
            // Without credentials there is no token to leak, but nothing leaves the machine either.
            return loopback;
        }

        var url = Base(serviceUrl!);
        return _seen.ContainsKey(url) || options.Value.TrustedServiceUrls.Any(t => url.StartsWith(Base(t), StringComparison.OrdinalIgnoreCase));
    }

    private static string Base(string url) => url.EndsWith('/') ? url : url + "/";
}
