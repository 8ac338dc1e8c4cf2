using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Hosting;

/// <summary>
/// The bot host runs with workstation GC and background gen2 collections (decision 0019): read from the runtime configuration
/// its build writes beside <c>CoachLoop.Bot.dll</c>, which is what <c>dotnet CoachLoop.Bot.dll</c> starts with.
/// </summary>
public sealed class HostRuntimeConfigTests
{
    [Fact]
    public void TheHostRunsWithWorkstationGcAndBackgroundCollections()
    {
        var assembly = typeof(Program).Assembly.Location;
        var path = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly) + ".runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.GC.Server"]!.GetValue<bool>());
        Assert.True(properties["System.GC.Concurrent"]!.GetValue<bool>());
    }
}
