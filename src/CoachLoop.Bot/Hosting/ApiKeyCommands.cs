using System.Globalization;
using CoachLoop.Data.Records;
using CoachLoop.Data.Stores;
using CoachLoop.Engine.Common;

namespace CoachLoop.Bot.Hosting;

/// <summary>The API key commands of <see cref="AdminCommands"/>: exit code 0 when done, 1 when refused (the reason on stderr).</summary>
internal static class ApiKeyCommands
{
    public static async Task<int> RunAsync(string command, string? name, bool admin, IServiceProvider services)
    {
        var keys = services.GetRequiredService<ApiKeyStore>();
        if (command == "list-api-keys")
        {
            await ListAsync(await keys.ListAsync().ConfigureAwait(false)).ConfigureAwait(false);
            return 0;
        }

        if (ApiKeyStore.NameError(name) is { } nameError)
        {
            return await RefuseAsync($"The key name {nameError}.").ConfigureAwait(false);
        }

        try
        {
            switch (command)
            {
                case "create-api-key":
                    var (key, secret) = await keys.CreateAsync(name!, admin).ConfigureAwait(false);
                    return await PrintSecretAsync($"API key '{key.Name}'{(admin ? " (admin)" : "")} created.", secret).ConfigureAwait(false);
                case "rotate-api-key":
                    return await keys.RotateAsync(name!).ConfigureAwait(false) is var (rotated, newSecret)
                        ? await PrintSecretAsync($"API key '{rotated.Name}' rotated; its old secret no longer works.", newSecret).ConfigureAwait(false)
                        : await RefuseAsync($"There is no API key named '{name}'.").ConfigureAwait(false);
                default:
                    if (await keys.RevokeAsync(name!).ConfigureAwait(false) is null)
                    {
                        return await RefuseAsync($"There is no API key named '{name}'.").ConfigureAwait(false);
                    }

                    await Console.Out.WriteLineAsync($"API key '{name}' is revoked.").ConfigureAwait(false);
                    return 0;
            }
        }
        catch (DomainException ex)
        {
            return await RefuseAsync(ex.Message).ConfigureAwait(false);
        }
    }

    // The secret is the last line alone, so that scripts can take it with tail -n 1.
    private static async Task<int> PrintSecretAsync(string what, string secret)
    {
        await Console.Out.WriteLineAsync(what + " It is shown once; store it now:").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(secret).ConfigureAwait(false);
        return 0;
    }

    private static async Task ListAsync(List<ApiKey> keys)
    {
        static string When(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-";
        var width = Math.Max(4, keys.Count == 0 ? 0 : keys.Max(k => k.Name.Length));
        await Console.Out.WriteLineAsync(
            $"{"NAME".PadRight(width)}  PREFIX    ADMIN  CREATED            LAST USED          ROTATED            REVOKED").ConfigureAwait(false);
        foreach (var k in keys)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{k.Name.PadRight(width)}  {k.Prefix,-8}  {(k.IsAdmin ? "yes" : "no"),-5}  {When(k.CreatedAt),-17}  {When(k.LastUsedAt),-17}  {When(k.RotatedAt),-17}  {When(k.RevokedAt)}"))
                .ConfigureAwait(false);
        }
    }

    private static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
        return 1;
    }
}
