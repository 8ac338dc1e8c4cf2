using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoachLoop.Bot.Api;

/// <summary>
/// The opaque <c>cursor</c> of a paged list: the sort keys of the last row of the page before, with the list's name and a
/// checksum, base64url-encoded. A cursor is a position, not a credential (it shows nothing the caller cannot list); the
/// checksum is there so that a garbled, truncated or edited cursor, or one from another list, is refused instead of
/// quietly starting somewhere else.
/// </summary>
internal static class PageCursor
{
    private const int ChecksumLength = 8;

    public static string Encode(string list, params string[] keys)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(keys);
        var bytes = new byte[ChecksumLength + payload.Length];
        Checksum(list, payload).CopyTo(bytes, 0);
        payload.CopyTo(bytes, ChecksumLength);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The keys of a cursor made by <see cref="Encode"/> for <paramref name="list"/>, or null for anything else.</summary>
    public static string[]? Decode(string list, string cursor, int keyCount)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length <= ChecksumLength)
        {
            return null;
        }

        var payload = bytes.AsSpan(ChecksumLength);
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, ChecksumLength), Checksum(list, payload)))
        {
            return null;
        }

        try
        {
            var keys = JsonSerializer.Deserialize<string[]>(payload);
            return keys is not null && keys.Length == keyCount && keys.All(k => k is not null) ? keys : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Checksum(string list, ReadOnlySpan<byte> payload)
    {
        var name = Encoding.UTF8.GetBytes("coachloop-cursor:" + list + ":");
        var all = new byte[name.Length + payload.Length];
        name.CopyTo(all, 0);
        payload.CopyTo(all.AsSpan(name.Length));
        return SHA256.HashData(all)[..ChecksumLength];
    }
}
