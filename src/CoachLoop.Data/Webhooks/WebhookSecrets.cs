using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoachLoop.Data.Webhooks;

/// <summary>
/// Keeps subscription secrets so that they can sign: encrypted with AES-GCM under <see cref="WebhookOptions.SecretKey"/> when
/// one is configured ("v1:" + base64 of nonce, tag and ciphertext), else as given ("plain:"). A secret is never returned by
/// the API after it was created.
/// </summary>
public sealed class WebhookSecrets(IOptions<WebhookOptions> options)
{
    private const string Encrypted = "v1:";
    private const string Plain = "plain:";

    /// <summary>A new random secret for a subscription that did not bring its own: "whsec_" and 32 random bytes, base64url.</summary>
    public static string Generate() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (Key() is not { } key)
        {
            return Plain + secret;
        }

        var plain = Encoding.UTF8.GetBytes(secret);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Encrypted + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.StartsWith(Plain, StringComparison.Ordinal))
        {
            return stored[Plain.Length..];
        }

        var key = Key() ?? throw new InvalidOperationException("The webhook secret is encrypted and Webhooks:SecretKey is not configured on this host.");
        var bytes = Convert.FromBase64String(stored[Encrypted.Length..]);
        var (nonceSize, tagSize) = (AesGcm.NonceByteSizes.MaxSize, AesGcm.TagByteSizes.MaxSize);
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Whether a configured key is usable: 32 bytes of base64, or nothing configured.</summary>
    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return true;
        }

        var buffer = new byte[64];
        return Convert.TryFromBase64String(key, buffer, out var written) && written == 32;
    }

    private byte[]? Key() => string.IsNullOrEmpty(options.Value.SecretKey) ? null : Convert.FromBase64String(options.Value.SecretKey);
}
