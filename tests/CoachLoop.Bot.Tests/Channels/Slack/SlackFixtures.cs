using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Channels.Slack;

/// <summary>
/// The Slack payload samples (copied unchanged from shared/fixtures/slack, provenance in Fixtures/README.md). One test checks
/// that the copies still match the shared folder when it is beside the repository.
/// </summary>
public static class SlackFixtures
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "tests", "CoachLoop.Bot.Tests", "Channels", "Slack", "Fixtures");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>shared/fixtures/slack beside the repository, if present.</summary>
    public static string? SharedFolder()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "fixtures", "slack"));
        return Directory.Exists(shared) ? shared : null;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachLoop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CoachLoop.sln not found above the test binaries.");
    }
}
