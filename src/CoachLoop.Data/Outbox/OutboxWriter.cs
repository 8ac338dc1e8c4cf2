using CoachLoop.Data.Records;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Outbox;

/// <summary>
/// Adds the messages a state change must cause to the same unit of work as the change: posts of new
/// cards to every enabled channel, and one update per stored copy of a card. Nothing is sent here.
/// </summary>
public sealed class OutboxWriter
{
    private readonly CoachLoopDbContext _db;
    private readonly IReadOnlyList<IConversationRouter> _routers;
    private readonly TimeProvider _clock;
    private readonly OutboxSignal? _signal;
    private bool _enqueued;

    private readonly DeliveryOptions _delivery;

    /// <summary>The email channel's name in card posts and lanes; its conversation is the recipient's address.</summary>
    public const string EmailChannel = "email";

    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, DateTimeOffset, Guid, int, Task<int>>> RecentFlags = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid teamId, DateTimeOffset since, Guid except, int upTo) =>
            db.Flags.Where(f => f.TeamId == teamId && !f.Urgent && f.RaisedAt >= since && f.Id != except).Take(upTo).Count()));

    private static readonly CompiledQuery<Func<CoachLoopDbContext, Guid, IAsyncEnumerable<CardPost>>> PostsOf = new(() => EF.CompileAsyncQuery(
        (CoachLoopDbContext db, Guid subjectId) => db.CardPosts.AsNoTracking().Where(p => p.SubjectId == subjectId)));

    public OutboxWriter(CoachLoopDbContext db, IEnumerable<IConversationRouter> routers, TimeProvider clock, OutboxSignal? signal = null,
        DeliveryOptions? delivery = null)
    {
        _db = db;
        _delivery = delivery ?? new DeliveryOptions();
        _routers = routers.ToList();
        _clock = clock;
        _signal = signal;
        _db.SavedChanges += (_, _) =>
        {
            if (_enqueued)
            {
                _enqueued = false;
                _signal?.Pulse();
            }
        };
    }

    /// <summary>A new flag: its card to the manager channel(s) of the agent's team, the agent's card to the agent.</summary>
    public async Task PostFlagAsync(Flag flag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var grouped = !flag.Urgent && flag.TeamId is { } team && await GroupAsync(flag, team, ct).ConfigureAwait(false);
        foreach (var router in _routers)
        {
            if (flag.TeamId is { } teamId && !grouped)
            {
                foreach (var conversation in await router.ManagerConversationsAsync(teamId, ct).ConfigureAwait(false))
                {
                    await PostAsync(CardKindNames.Flag, flag.Id, router.Channel, conversation, flag.Urgent, ct).ConfigureAwait(false);
                }
            }

            if (await router.DirectConversationAsync(flag.AgentId, ct).ConfigureAwait(false) is { } direct)
            {
                await PostAsync(CardKindNames.AgentScore, flag.Id, router.Channel, direct, flag.Urgent, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A new dispute: its card to the manager channel(s) of the agent's team, where reviewers decide it.</summary>
    public async Task PostDisputeAsync(Dispute dispute, Guid? teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        if (teamId is not { } team)
        {
            return;
        }

        foreach (var router in _routers)
        {
            foreach (var conversation in await router.ManagerConversationsAsync(team, ct).ConfigureAwait(false))
            {
                await PostAsync(CardKindNames.Dispute, dispute.Id, router.Channel, conversation, urgent: false, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A scheduler notice: to a person's direct conversation, or to a team's manager channel(s). A report the person chose to
    /// receive by email (a digest) goes to the email channel too, addressed to <paramref name="emailTo"/>, and to the chats only
    /// when <paramref name="toChat"/>.
    /// </summary>
    public async Task PostNoticeAsync(Records.Notice notice, CancellationToken ct, bool toChat = true, string? emailTo = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (emailTo is not null)
        {
            await PostAsync(CardKindNames.Notice, notice.Id, EmailChannel, emailTo, notice.Urgent, ct).ConfigureAwait(false);
        }

        foreach (var router in toChat ? _routers : [])
        {
            var conversations = notice.Audience == Records.Notice.ToTeam
                ? await router.ManagerConversationsAsync(notice.AudienceId, ct).ConfigureAwait(false)
                : await router.DirectConversationAsync(notice.AudienceId, ct).ConfigureAwait(false) is { } direct ? [direct] : [];
            foreach (var conversation in conversations)
            {
                await PostAsync(CardKindNames.Notice, notice.Id, router.Channel, conversation, notice.Urgent, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every stored copy of every card about the subject gets an update with the current state.</summary>
    public async Task RefreshAsync(Guid subjectId, CancellationToken ct)
    {
        await foreach (var post in PostsOf.For(_db)(_db, subjectId).WithCancellation(ct).ConfigureAwait(false))
        {
            // A sent email cannot change: a digest that follows its flags does so in chat only.
            if (post.Channel == EmailChannel)
            {
                continue;
            }

            Enqueue(post, OutboxOperation.Update);
        }
    }

    /// <summary>
    /// Adds the flag to its team's group card of the current window when the channel is already busy;
    /// true when grouped (its own card is then not posted to the manager channel).
    /// </summary>
    private async Task<bool> GroupAsync(Flag flag, Guid teamId, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var since = now - _delivery.GroupWindow;
        // Counted only up to the threshold: past it the answer is the same, and a busy team's window can hold thousands of flags.
        var recent = await RecentFlags.For(_db)(_db, teamId, since, flag.Id, _delivery.GroupAfter).ConfigureAwait(false);
        if (recent < _delivery.GroupAfter)
        {
            return false;
        }

        var bucket = now.UtcTicks / Math.Max(_delivery.GroupWindow.Ticks, 1);
        var key = $"{FlagGroup.Kind}:{teamId:N}:{bucket}";
        var notice = _db.Notices.Local.FirstOrDefault(n => n.DedupeKey == key)
            ?? await _db.Notices.FirstOrDefaultAsync(n => n.DedupeKey == key, ct).ConfigureAwait(false);
        if (notice is null)
        {
            notice = new Records.Notice
            {
                Id = Guid.CreateVersion7(now), DedupeKey = key, Kind = FlagGroup.Kind, Audience = Records.Notice.ToTeam, AudienceId = teamId,
                Payload = FlagGroup.Serialize([flag.Id]), Sent = true, CreatedAt = now,
            };
            _db.Notices.Add(notice);
            _db.NoticeFlags.Add(new Records.NoticeFlag { NoticeId = notice.Id, FlagId = flag.Id });
            await PostNoticeAsync(notice, ct).ConfigureAwait(false);
            return true;
        }

        notice.Payload = FlagGroup.Serialize([.. FlagGroup.Deserialize(notice.Payload), flag.Id]);
        _db.NoticeFlags.Add(new Records.NoticeFlag { NoticeId = notice.Id, FlagId = flag.Id });
        await RefreshAsync(notice.Id, ct).ConfigureAwait(false);
        return true;
    }

    private async Task PostAsync(string kind, Guid subjectId, string channel, string conversation, bool urgent, CancellationToken ct)
    {
        // A subject added in this unit of work has no stored posts yet: only posts queued here can repeat it.
        var fresh = _db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added && e.Entity is Flag or Records.Notice
            && e.Property("Id").CurrentValue is Guid id && id == subjectId);
        var exists = _db.CardPosts.Local.Any(p => p.CardKind == kind && p.SubjectId == subjectId && p.Channel == channel && p.ConversationId == conversation)
            || (!fresh && await _db.CardPosts.AnyAsync(p => p.CardKind == kind && p.SubjectId == subjectId && p.Channel == channel
                && p.ConversationId == conversation, ct).ConfigureAwait(false));
        if (exists)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var post = new CardPost
        {
            Id = Guid.CreateVersion7(now),
            CardKind = kind,
            SubjectId = subjectId,
            Channel = channel,
            ConversationId = conversation,
            Urgent = urgent,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _db.CardPosts.Add(post);
        Enqueue(post, OutboxOperation.Post);
    }

    private void Enqueue(CardPost post, OutboxOperation operation)
    {
        var now = _clock.GetUtcNow();
        _db.Outbox.Add(new OutboxMessage
        {
            CardPostId = post.Id,
            Operation = operation,
            Lane = operation == OutboxOperation.Update ? post.UpdateLane : post.Lane,
            Urgent = post.Urgent,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        _enqueued = true;
    }
}
