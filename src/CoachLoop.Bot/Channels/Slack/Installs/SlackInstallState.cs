using System.Globalization;
using System.Security.Cryptography;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachLoop.Bot.Channels.Slack.Installs;

/// <summary>
/// The OAuth <c>state</c> of an install link: a random nonce and an expiry, sealed with Data Protection (encrypted and
/// authenticated, keys shared by every host, so the redirect may land on another host than the link came from). The nonce is
/// also put in a cookie of the browser that started the install, as Slack's own install provider does, so a redirect
/// carried to another browser is refused; and it is spent on first use (a row in the inbound event keys), so a replayed
/// redirect is refused on every host.
/// </summary>
public sealed class SlackInstallState(IDataProtectionProvider protection, IOptions<SlackOptions> options, TimeProvider clock)
{
    public const string Purpose = "CoachLoop.Slack.InstallState.v1";
    public const string CookieName = "coachloop_slack_install";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>A new state for an install link, with the nonce its browser keeps.</summary>
    public (string State, string Nonce) Create()
    {
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        var expires = (clock.GetUtcNow() + options.Value.InstallStateLifetime).ToUnixTimeSeconds();
        return (_protector.Protect(nonce + "|" + expires.ToString(CultureInfo.InvariantCulture)), nonce);
    }

    /// <summary>Why <paramref name="state"/> is refused, or null when it is good: sealed by us, not expired, from this browser, first use.</summary>
    public async Task<string?> SpendAsync(string? state, string? cookie, CoachLoopDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        string opened;
        try
        {
            opened = _protector.Unprotect(state ?? "");
        }
        catch (CryptographicException)
        {
            return "the install link's state is not one CoachLoop made";
        }

        var parts = opened.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return "the install link's state is not one CoachLoop made";
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return "the install link expired; start again from the install link";
        }

        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(parts[0]), System.Text.Encoding.UTF8.GetBytes(cookie ?? "")))
        {
            return "the install was started in another browser; start again from the install link";
        }

        var key = "slack-install-state:" + parts[0];
        if (await db.InboundEvents.AnyAsync(e => e.Key == key, ct).ConfigureAwait(false))
        {
            return "the install link was used already; start again from the install link";
        }

        db.InboundEvents.Add(new InboundEvent { Key = key, ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return "the install link was used already; start again from the install link";
        }
    }
}
