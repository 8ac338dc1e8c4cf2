using System.Globalization;
using System.Text.Json;
using CoachLoop.Bot.Cards;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Data;
using CoachLoop.Data.Outbox;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Access;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Actions;

/// <summary>
/// Every card click from every channel comes through here: resolve the person, check their role, check
/// the card is current, run the Engine's guarded method, and write the state change, its audit rows, the
/// card updates for every copy and the idempotency record in one transaction.
/// </summary>
public sealed partial class CardActionPipeline(
    CoachLoopDbContext db, ActorResolver actors, CardFactory cards, CardAudience audience, OutboxWriter outbox, TimeProvider clock,
    CoachLoopMetrics metrics, ILogger<CardActionPipeline> logger, Microsoft.Extensions.Options.IOptions<Workshops.WorkshopOptions>? workshops = null)
{
    private static readonly HashSet<string> FlagVerbs =
        [CardVerbs.ApprovePractice, CardVerbs.SwapScenario, CardVerbs.LogSession, CardVerbs.CompletePractice, CardVerbs.Resolve, CardVerbs.Dismiss];

    /// <summary>How long a group card or digest keeps following its flags' changes.</summary>
    public static readonly TimeSpan ListsStayLive = TimeSpan.FromDays(7);

    private static readonly CompiledQuery<Func<CoachLoopDbContext, string, Task<string?>>> OutcomeOfKey = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, string key) => db.ProcessedActions.AsNoTracking().Where(a => a.Key == key).Select(a => a.Outcome).FirstOrDefault()));

    // The flag (tracked: it changes) with what the role check needs, in one query.
    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, Task<FlagForAction?>>> FlagForActionQuery = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid flagId) => db.Flags.Where(f => f.Id == flagId)
            .Select(f => new FlagForAction(
                f,
                db.People.Where(p => p.Id == f.AgentId).Select(p => p.Name).FirstOrDefault(),
                db.Teams.Where(t => t.Id == f.TeamId).Select(t => t.ManagerId).FirstOrDefault()))
            .FirstOrDefault()));

    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, DateTimeOffset, IAsyncEnumerable<Guid>>> LiveListsOf = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid flagId, DateTimeOffset since) => db.NoticeFlags.AsNoTracking().Where(l => l.FlagId == flagId)
            .Join(db.Notices.AsNoTracking(), l => l.NoticeId, n => n.Id, (l, n) => n)
            .Where(n => (n.Kind == FlagGroup.Kind || n.Kind == Scheduling.NoticeKinds.Digest || n.Kind == Workshops.WorkshopNotices.Kind) && n.CreatedAt >= since)
            .Select(n => n.Id)));

    private static readonly HashSet<string> AgentVerbs = [CardVerbs.AcceptScore, CardVerbs.DisputeScore];
    private static readonly HashSet<string> DisputeVerbs = [CardVerbs.UpholdDispute, CardVerbs.OverturnDispute];
    private static readonly HashSet<string> KnownVerbs = [.. FlagVerbs, .. AgentVerbs, .. DisputeVerbs, CardVerbs.ScheduleWorkshop, CardVerbs.LogWorkshop, CardVerbs.Refresh, CardVerbs.OpenCard];

    public async Task<CardActionResult> HandleAsync(CardActionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = clock.GetTimestamp();
        var verb = KnownVerbs.Contains(request.Verb) ? request.Verb : "other"; // a click's verb is the client's to send: bound the values
        using var activity = CoachLoopActivities.Source.StartActivity(CoachLoopActivities.CardAction);
        activity?.SetTag(CoachLoopTags.Channel, request.Channel);
        activity?.SetTag(CoachLoopTags.Verb, verb);
        // One open connection for the whole click instead of one per query.
        await using var open = await OpenConnection.OpenAsync(db, ct).ConfigureAwait(false);
        var result = await RunAsync(request, ct).ConfigureAwait(false);
        var outcome = result.Outcome.ToString().ToLowerInvariant();
        activity?.SetTag(CoachLoopTags.Outcome, outcome);
        metrics.CardAction(request.Channel, verb, outcome, clock.GetElapsedTime(started));
        return result;
    }

    private async Task<CardActionResult> RunAsync(CardActionRequest request, CancellationToken ct)
    {
        var key = $"{request.Channel}:{request.IdempotencyKey}";
        if (await ReplayAsync(key, ct).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        if (!TryReadSubject(request.Data, out var kind, out var subjectId, out var version))
        {
            return new(ActionOutcome.Invalid, "This card action is missing its card data.", null, new Dictionary<string, string> { ["data"] = "kind, subjectId and v are required" });
        }

        if (request.Verb == CardVerbs.Refresh)
        {
            var current = await cards.BuildAsync(kind, subjectId, ct).ConfigureAwait(false);
            return current is null ? NotFound() : new(ActionOutcome.Done, "", current);
        }

        if (request.Verb == CardVerbs.OpenCard)
        {
            return await OpenAsync(request, kind, subjectId, ct).ConfigureAwait(false);
        }

        var verbs = kind switch
        {
            CardKinds.Flag => FlagVerbs,
            CardKinds.AgentScore => AgentVerbs,
            CardKinds.Dispute => DisputeVerbs,
            CardKinds.Notice => NoticeVerbs,
            _ => [],
        };
        if (!verbs.Contains(request.Verb))
        {
            return new(ActionOutcome.Invalid, $"'{request.Verb}' is not an action of a {kind} card.", null,
                new Dictionary<string, string> { ["verb"] = "unknown for this card" });
        }

        var person = await actors.ResolveAsync(request.Channel, request.Tenant, request.ExternalUserId, ct).ConfigureAwait(false);
        var actor = person is null ? null : ActorResolver.ToActor(person, request.Channel);
        var member = person is null ? null : Member.From(person);
        var now = clock.GetUtcNow();
        var attempt = kind switch
        {
            CardKinds.Dispute => await DecideDisputeAsync(request, subjectId, member, actor, now, ct).ConfigureAwait(false),
            CardKinds.Notice => await ActOnNoticeAsync(request, subjectId, version, person, actor, now, ct).ConfigureAwait(false),
            _ => await ActOnFlagAsync(request, kind, subjectId, version, member, actor, now, ct).ConfigureAwait(false),
        };
        if (attempt.Result is { } early)
        {
            db.ChangeTracker.Clear();
            LogUnchanged(logger, request.Verb, kind, subjectId, early.Outcome, person?.Email ?? request.ExternalUserId);
            return early;
        }

        db.ProcessedActions.Add(new ProcessedAction
        {
            Key = key,
            Outcome = JsonSerializer.Serialize(new StoredOutcome(kind, subjectId, attempt.Message!)),
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ActionOutcome.Stale, "Someone else acted on this card at the same moment. This is where it stands now.",
                await cards.BuildAsync(kind, subjectId, ct).ConfigureAwait(false));
        }
        catch (DbUpdateException)
        {
            // The same click arrived twice at once (a retry racing the original): the first one's answer stands.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(key, ct).ConfigureAwait(false) is { } first)
            {
                return first;
            }

            if (kind == CardKinds.Notice)
            {
                // A workshop's flags are each in one workshop at most: a second click scheduling them at the same moment loses here.
                return new(ActionOutcome.Stale, "Nothing changed: the workshop or one of its flags changed at the same moment. This is where it stands now.",
                    await cards.BuildAsync(kind, subjectId, ct).ConfigureAwait(false));
            }

            throw;
        }

        return Later(attempt.Message!, kind, subjectId);
    }

    /// <summary>A change that took effect: the new card is built only if the channel answers with it (the outbox builds the copies).</summary>
    private CardActionResult Later(string message, string kind, Guid subjectId) =>
        new(ActionOutcome.Done, message, null) { Later = ct => cards.BuildAsync(kind, subjectId, ct) };

    /// <summary>
    /// "Open card" on a row of a list: the subject's full card as this clicker sees it (its buttons only when they may press
    /// them). Nothing changes and nothing is recorded, so it needs no idempotency record and cannot be stale.
    /// </summary>
    private async Task<CardActionResult> OpenAsync(CardActionRequest request, string kind, Guid subjectId, CancellationToken ct)
    {
        var card = await cards.BuildAsync(kind, subjectId, ct).ConfigureAwait(false);
        var flagId = kind == CardKinds.Dispute
            ? await db.Disputes.AsNoTracking().Where(d => d.Id == subjectId).Select(d => (Guid?)d.FlagId).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : subjectId;
        var flag = flagId is null ? null : await db.Flags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == flagId, ct).ConfigureAwait(false);
        if (card is null || flag is null)
        {
            return NotFound();
        }

        var person = await actors.ResolveAsync(request.Channel, request.Tenant, request.ExternalUserId, ct).ConfigureAwait(false);
        var mayAct = CardAudience.MayAct(kind, person is null ? null : Member.From(person), await audience.ScopeAsync(flag, ct).ConfigureAwait(false));
        return new(ActionOutcome.Done, "", card.ForViewer(mayAct));
    }

    private async Task<Attempt> ActOnFlagAsync(CardActionRequest request, string kind, Guid flagId, int version, Member? member, Actor? actor,
        DateTimeOffset now, CancellationToken ct)
    {
        var loaded = await FlagForActionQuery.For(db)(db, flagId).ConfigureAwait(false);
        if (loaded is null)
        {
            return Attempt.Stop(NotFound());
        }

        var flag = loaded.Flag;
        var refusal = CardAudience.Refusal(kind, member, audience.Remember(flag, loaded.AgentName, loaded.ManagerId));
        if (refusal is not null)
        {
            return Attempt.Stop(new(ActionOutcome.Refused, refusal, await cards.BuildAsync(kind, flagId, ct).ConfigureAwait(false)));
        }

        // The flag card shows exact state, so its version decides; the agent's card is current while it still offers the verb.
        Card? current = null;
        var stale = kind == CardKinds.Flag
            ? version != flag.Revision
            : !(current = await cards.BuildAsync(kind, flagId, ct).ConfigureAwait(false))!.Actions.Any(a => a.Verb == request.Verb);
        if (stale)
        {
            current ??= await cards.BuildAsync(kind, flagId, ct).ConfigureAwait(false);
            return Attempt.Stop(new(ActionOutcome.Stale, $"This card was out of date. {current!.Status}", current));
        }

        var inputs = new ActionInputs(request.Data);
        try
        {
            var message = await FlagMoves.ApplyAsync(request.Verb, flag, inputs, actor!, now, db, outbox, ct).ConfigureAwait(false);
            if (!inputs.IsValid)
            {
                return Attempt.Stop(new(ActionOutcome.Invalid, "Some answers need another look.",
                    current ?? await cards.BuildAsync(kind, flagId, ct).ConfigureAwait(false), inputs.Errors));
            }

            await outbox.RefreshAsync(flag.Id, ct).ConfigureAwait(false);
            await RefreshListsAsync(flag.Id, now, ct).ConfigureAwait(false);
            return Attempt.Go(message);
        }
        catch (DomainException ex)
        {
            return Attempt.Stop(new(ActionOutcome.Stale, ex.Message, current ?? await cards.BuildAsync(kind, flagId, ct).ConfigureAwait(false)));
        }
    }

    private async Task<Attempt> DecideDisputeAsync(CardActionRequest request, Guid disputeId, Member? member, Actor? actor, DateTimeOffset now,
        CancellationToken ct)
    {
        var dispute = await db.Disputes.FirstOrDefaultAsync(d => d.Id == disputeId, ct).ConfigureAwait(false);
        var flag = dispute is null ? null : await db.Flags.FirstOrDefaultAsync(f => f.Id == dispute.FlagId, ct).ConfigureAwait(false);
        if (dispute is null || flag is null)
        {
            return Attempt.Stop(NotFound());
        }

        var refusal = CardAudience.Refusal(CardKinds.Dispute, member, await audience.ScopeAsync(flag, ct).ConfigureAwait(false));
        var current = await cards.BuildAsync(CardKinds.Dispute, disputeId, ct).ConfigureAwait(false);
        if (refusal is not null)
        {
            return Attempt.Stop(new(ActionOutcome.Refused, refusal, current));
        }

        if (dispute.Status != Engine.Disputes.DisputeStatus.Open)
        {
            return Attempt.Stop(new(ActionOutcome.Stale, $"This dispute was already decided. {current!.Status}", current));
        }

        var inputs = new ActionInputs(request.Data);
        var overturn = request.Verb == CardVerbs.OverturnDispute;
        var note = overturn ? inputs.Required("overturnNote", "Say why the score is overturned.") : inputs.Optional("upholdNote");
        if (!inputs.IsValid)
        {
            return Attempt.Stop(new(ActionOutcome.Invalid, "Some answers need another look.", current, inputs.Errors));
        }

        if (overturn)
        {
            dispute.Overturn(note, actor!, now);
            var scores = await db.CriterionScores
                .Where(s => s.ScoredCallId == dispute.ScoredCallId && s.CriterionId == dispute.CriterionId).ToListAsync(ct).ConfigureAwait(false);
            scores.ForEach(s => s.Overturned = true);
        }
        else
        {
            dispute.Uphold(note, actor!, now);
        }

        flag.ApplyDisputeDecision(dispute, actor!, now);
        await outbox.RefreshAsync(dispute.Id, ct).ConfigureAwait(false);
        await outbox.RefreshAsync(flag.Id, ct).ConfigureAwait(false);
        await RefreshListsAsync(flag.Id, now, ct).ConfigureAwait(false);
        return Attempt.Go(overturn ? "Score overturned: it no longer counts, and the flag is withdrawn." : "Score upheld.");
    }

    /// <summary>
    /// Group cards and digests list flags with their own buttons: when one of their flags moves, every copy is refreshed, so a row
    /// shows the flag's state and next step, not the one it had when the list was sent. Recent lists only: older ones are history.
    /// </summary>
    private async Task RefreshListsAsync(Guid flagId, DateTimeOffset now, CancellationToken ct)
    {
        var lists = new List<Guid>();
        await foreach (var list in LiveListsOf.For(db)(db, flagId, now - ListsStayLive).WithCancellation(ct).ConfigureAwait(false))
        {
            lists.Add(list);
        }

        foreach (var list in lists)
        {
            await outbox.RefreshAsync(list, ct).ConfigureAwait(false);
        }
    }

    private async Task<CardActionResult?> ReplayAsync(string key, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var stored = await OutcomeOfKey.For(db)(db, key).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var outcome = JsonSerializer.Deserialize<StoredOutcome>(stored)!;
        return Later(outcome.Message, outcome.Kind, outcome.SubjectId);
    }

    private static bool TryReadSubject(IReadOnlyDictionary<string, string> data, out string kind, out Guid subjectId, out int version)
    {
        kind = data.GetValueOrDefault(CardData.Kind) ?? "";
        version = 0;
        subjectId = Guid.Empty;
        return kind.Length > 0
            && Guid.TryParse(data.GetValueOrDefault(CardData.SubjectId), out subjectId)
            && int.TryParse(data.GetValueOrDefault(CardData.Version), NumberStyles.Integer, CultureInfo.InvariantCulture, out version);
    }

    private static CardActionResult NotFound() => new(ActionOutcome.NotFound, "This card's flag or dispute no longer exists.", null);

    [LoggerMessage(LogLevel.Information, "Card action {Verb} on {Kind} {SubjectId} changed nothing: {Outcome} (by {Who})")]
    private static partial void LogUnchanged(ILogger logger, string verb, string kind, Guid subjectId, ActionOutcome outcome, string who);

    private sealed record FlagForAction(Flag Flag, string? AgentName, Guid? ManagerId);

    private sealed record StoredOutcome(string Kind, Guid SubjectId, string Message);

    private sealed record Attempt(CardActionResult? Result, string? Message)
    {
        public static Attempt Stop(CardActionResult result) => new(result, null);

        public static Attempt Go(string message) => new(null, message);
    }
}
