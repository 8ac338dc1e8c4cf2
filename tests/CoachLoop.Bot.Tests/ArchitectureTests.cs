using System.Reflection;

namespace CoachLoop.Bot.Tests;

/// <summary>Arrows point inward: the Engine knows no web, no EF and no channel; the data layer knows no web.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] WebAndData = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite"];

    [Fact]
    public void EngineReferencesNeitherAspNetNorEntityFramework()
    {
        var references = typeof(CoachLoop.Engine.Flags.Flag).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, r => WebAndData.Any(w => r.StartsWith(w, StringComparison.Ordinal)));
    }

    [Fact]
    public void DataLayerDoesNotReferenceAspNet()
    {
        var references = typeof(CoachLoop.Data.CoachLoopDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.EntityFrameworkCore", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void EngineHasNoPublicMutableSetters()
    {
        var leaks = typeof(CoachLoop.Engine.Flags.Flag).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && !t.IsAbstract && !IsRecord(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (t, p)))
            .Where(x => x.p.SetMethod is { IsPublic: true } && x.t.Namespace!.StartsWith("CoachLoop.Engine", StringComparison.Ordinal))
            .Select(x => $"{x.t.Name}.{x.p.Name}")
            .ToList();

        Assert.Empty(leaks);
    }

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null;
}
