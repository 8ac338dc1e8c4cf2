using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// Encrypts installation bot tokens for storage with ASP.NET Core Data Protection (keys in the database, shared by every host)
/// and keeps decrypted ones in memory, keyed by their ciphertext: whether an installation may still send is read from the
/// database on each use (<see cref="SlackInstallations"/>), so a revoke made on another host counts at once; only the
/// decryption is saved. A revoked token is dropped from memory.
/// </summary>
public sealed class SlackTokenVault(IDataProtectionProvider protection)
{
    /// <summary>The purpose string: a ciphertext made for another purpose (or another application name) does not decrypt here.</summary>
    public const string Purpose = "CoachLoop.Slack.BotToken.v1";

    private const int MaxRemembered = 1000;

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<string, string> _plain = new(StringComparer.Ordinal);

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken)
    {
        if (_plain.TryGetValue(protectedToken, out var token))
        {
            return token;
        }

        if (_plain.Count >= MaxRemembered)
        {
            _plain.Clear();
        }

        return _plain[protectedToken] = _protector.Unprotect(protectedToken);
    }

    public void Forget(string protectedToken) => _plain.TryRemove(protectedToken, out _);
}
