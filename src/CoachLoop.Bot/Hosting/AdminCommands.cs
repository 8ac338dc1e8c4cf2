using CoachLoop.Data;
using CoachLoop.Data.Migrations;

namespace CoachLoop.Bot.Hosting;

/// <summary>
/// Commands run instead of the server (see <see cref="Usage"/>). With no command (only <c>--Key=value</c> settings) the server
/// starts; any other first word is an unknown command: usage on stderr and exit code 2, before any database is opened, so a
/// typo never starts a host on the production database.
/// </summary>
internal static class AdminCommands
{
    public const string Usage = """
        Usage: CoachLoop.Bot [COMMAND] [--Setting=value ...]
        Without a command the server starts. Settings (--Database:ConnectionString=...) apply to commands too.

        Commands:
          migrate                        apply pending schema migrations and exit
          create-api-key NAME [--admin]  create an API key and print it (shown once; only its hash is stored);
                                         --admin lets it manage API keys over the API
          list-api-keys                  list API keys: name, prefix, admin, created, last used, rotated, revoked (never a key)
          rotate-api-key NAME            give a key a new secret and print it; the old secret stops working
          revoke-api-key NAME            revoke a key; it stops working
          import-calls FILE [--format ndjson|csv] [--url URL] [--key KEY]
                                         import scored calls (one per line) through a running host's import API
                                         (URL and key also from COACHLOOP_URL and COACHLOOP_API_KEY) and show its progress
                                         until it completes, then the summary; the format defaults from the file's extension
          help                           show this text

        Key names are unique (1 to 100 letters, digits, '.', '_' or '-') and stay taken after a key is revoked.
        """;

    private const string AdminFlag = "--admin";

    private static readonly Dictionary<string, int> Positionals = new(StringComparer.Ordinal)
    {
        ["migrate"] = 0, ["create-api-key"] = 1, ["list-api-keys"] = 0, ["rotate-api-key"] = 1, ["revoke-api-key"] = 1,
        ["import-calls"] = 1,
    };

    /// <summary>The exit code of the command in <paramref name="args"/>, or null when the server should start.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "help" or "--help" or "-h" or "-?"))
        {
            await Console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        var (words, settings) = Split(args);
        var admin = args.Contains(AdminFlag, StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return admin ? await FailAsync($"{AdminFlag} belongs to create-api-key.").ConfigureAwait(false) : null;
        }

        var command = words[0];
        if (!Positionals.TryGetValue(command, out var expected))
        {
            return await FailAsync($"Unknown command '{command}'.").ConfigureAwait(false);
        }

        if (words.Count - 1 != expected || (admin && command != "create-api-key"))
        {
            return await FailAsync($"Wrong arguments for '{command}'.").ConfigureAwait(false);
        }

        if (command == "import-calls")
        {
            // Over HTTP to a running host: no database is opened here.
            return await ImportCallsCommand.RunAsync(words[1], settings).ConfigureAwait(false);
        }

        // Only settings go to configuration; the command's own words and flags do not.
        var builder = Host.CreateApplicationBuilder(settings.ToArray());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCoachLoopData(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync().ConfigureAwait(false);
        if (command == "migrate")
        {
            await Console.Out.WriteLineAsync("Database is up to date.").ConfigureAwait(false);
            return 0;
        }

        return await ApiKeyCommands.RunAsync(command, words.ElementAtOrDefault(1), admin, scope.ServiceProvider).ConfigureAwait(false);
    }

    /// <summary>
    /// The words (a command and its arguments) and the settings (<c>--Key=value</c>, or <c>--Key value</c> as the host reads
    /// them) of the command line, so that a word anywhere, not only first, is taken as a command and never ignored.
    /// </summary>
    private static (List<string> Words, List<string> Settings) Split(string[] args)
    {
        var (words, settings) = (new List<string>(), new List<string>());
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == AdminFlag)
            {
                continue;
            }

            if (!args[i].StartsWith('-'))
            {
                words.Add(args[i]);
                continue;
            }

            settings.Add(args[i]);
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                settings.Add(args[++i]);
            }
        }

        return (words, settings);
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message + Environment.NewLine + Environment.NewLine + Usage).ConfigureAwait(false);
        return 2;
    }
}
