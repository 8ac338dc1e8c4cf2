using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CoachLoop.Engine.Rubrics;
using CoachLoop.Engine.Transcripts;

namespace CoachLoop.Benchmarks;

/// <summary>
/// Script checks and keyword triggers on a 10-minute call of about 1,500 words (scripts/bench.sh scripts): the whole rubric
/// (index the transcript, then every phrase) and one phrase on an indexed transcript. Time per phrase = WholeRubric / 8.
/// </summary>
[MemoryDiagnoser]
public class ScriptCheckBench
{
    private static readonly string[] Filler =
    [
        "okay", "so", "I", "can", "see", "your", "account", "here", "the", "bill", "shows", "a", "late", "fee", "of", "twenty", "dollars",
        "let", "me", "check", "that", "for", "you", "thank", "waiting", "it", "looks", "like", "payment", "was", "received", "on",
        "Friday", "we", "will", "refund", "charge", "today", "is", "there", "anything", "else", "help", "with", "sorry", "about",
    ];

    private Rubric _rubric = null!;
    private Transcript _transcript = null!;
    private TranscriptIndex _index = null!;
    private ScopeWords _agent = null!;
    private CompiledPhrase _phrase = null!;
    private readonly PhraseMatcher _matcher = new();

    /// <summary>How many phrases the rubric checks: divide <see cref="WholeRubric"/> by it for the time per phrase.</summary>
    public int Phrases { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(14);
        var segments = new List<TranscriptSegment>();
        var words = 0;
        for (var second = 2; second < 600; second += 4)
        {
            var speaker = segments.Count % 3 == 1 ? Speaker.Customer : Speaker.Agent;
            var text = second == 46
                ? "before we go on this call maybe record it for quality and training purpose"
                : string.Join(' ', Enumerable.Range(0, 10).Select(_ => Filler[random.Next(Filler.Length)]));
            words += text.Split(' ').Length;
            segments.Add(new TranscriptSegment(speaker, TimeSpan.FromSeconds(second), text));
        }

        _transcript = new Transcript(segments);
        var disclosure = new Criterion("disclosure", "Recording disclosure", 40, 80, CriterionKind.Compliance, EvaluationMode.Script,
            "good", "poor", "read the disclosure", [],
            new ScriptCheck(["this call may be recorded for quality and training purposes", "this call is recorded for training and quality"], WithinSeconds: 30),
            [new KeywordTrigger("legal threat", ["speak to a lawyer", "I will sue", "take you to court"], SpeakerScope.Customer)]);
        var empathy = new Criterion("empathy", "Empathy", 60, 60, CriterionKind.Quality, EvaluationMode.Intent, "good", "poor", "acknowledge", [],
            KeywordTriggers: [new KeywordTrigger("churn risk", ["cancel my account", "close my account", "switch to another provider"])]);
        _rubric = Rubric.Create(new RubricDefinition("bench", "Bench", "support", 65, [disclosure, empathy]), 1, DateTimeOffset.UnixEpoch).Rubric!;
        Phrases = 2 + 3 + 3;
        _index = new TranscriptIndex(_transcript);
        _agent = _index.For(SpeakerScope.Agent);
        _phrase = new CompiledPhrase("this call may be recorded for quality and training purposes");
        Console.WriteLine($"// transcript: {segments.Count} segments, {words} words, {_index.Vocabulary.Length} distinct; rubric phrases: {Phrases}");
    }

    [Benchmark(Description = "whole rubric (8 phrases) on a 10-minute transcript")]
    public TranscriptResults WholeRubric() => TranscriptChecks.Run(_rubric, _transcript);

    [Benchmark(Description = "one phrase on the indexed transcript")]
    public PhraseMatch OnePhrase() => _matcher.Match(_phrase, _index, _agent, _agent.Ids.Length).Anywhere;

    public static int Run(string[] args)
    {
        // Figures on a busy machine are noise: say how busy it was.
        Console.WriteLine($"// load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        if (!args.Contains("--cpu"))
        {
            var config = ManualConfig.Create(DefaultConfig.Instance)
                .WithArtifactsPath(Path.Combine("benchmarks", "results", "scripts"))
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId("in-process"));
            BenchmarkRunner.Run<ScriptCheckBench>(config, args);
        }

        CpuTimePerPhrase();
        return 0;
    }

    // Wall-clock figures on a shared machine measure the other processes too; the process's CPU time over many runs is
    // what the checks themselves cost (after a warm-up, so the JIT's work is not counted).
    private static void CpuTimePerPhrase()
    {
        var bench = new ScriptCheckBench();
        bench.Setup();
        for (var i = 0; i < 200; i++)
        {
            bench.WholeRubric();
            bench.OnePhrase();
        }

        const int Runs = 1000;
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            bench.WholeRubric();
        }

        process.Refresh();
        var rubric = (process.TotalProcessorTime - before).TotalMicroseconds / Runs;
        before = process.TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            bench.OnePhrase();
        }

        process.Refresh();
        var phrase = (process.TotalProcessorTime - before).TotalMicroseconds / Runs;
        Console.WriteLine($"// CPU time: whole rubric {rubric:0} us ({rubric / bench.Phrases:0} us per phrase, transcript indexed each time); " +
            $"one phrase on an indexed transcript {phrase:0} us");
    }
}
