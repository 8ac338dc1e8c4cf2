using CoachLoop.Data.Migrations;
using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Common;
using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data;

/// <summary>
/// The CoachLoop database. Saving drains every audited entity's pending state changes into the
/// append-only audit table in the same transaction, and refuses to change an audit row.
/// </summary>
public sealed class CoachLoopDbContext(DbContextOptions<CoachLoopDbContext> options) : DbContext(options)
{
    public DbSet<Rubric> Rubrics => Set<Rubric>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ChatIdentity> ChatIdentities => Set<ChatIdentity>();
    public DbSet<ScoredCallRecord> ScoredCalls => Set<ScoredCallRecord>();
    public DbSet<CriterionScoreRecord> CriterionScores => Set<CriterionScoreRecord>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CardPost> CardPosts => Set<CardPost>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ProcessedAction> ProcessedActions => Set<ProcessedAction>();
    public DbSet<WebMessage> WebMessages => Set<WebMessage>();
    public DbSet<ChannelRoute> ChannelRoutes => Set<ChannelRoute>();
    public DbSet<ChannelInstallation> ChannelInstallations => Set<ChannelInstallation>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<InboundClick> InboundClicks => Set<InboundClick>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeFlag> NoticeFlags => Set<NoticeFlag>();
    public DbSet<StreakCursor> StreakCursors => Set<StreakCursor>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportChunk> ImportChunks => Set<ImportChunk>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<SlackInstallation> SlackInstallations => Set<SlackInstallation>();

    /// <summary>The ASP.NET Core Data Protection key ring (stored by the host's key repository), so several hosts share one set of keys.</summary>
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<Engine.Coaching.Workshop> Workshops => Set<Engine.Coaching.Workshop>();
    public DbSet<WorkshopFlag> WorkshopFlags => Set<WorkshopFlag>();

    public DatabaseProvider Provider => Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        _ => DatabaseProvider.Postgres,
    };

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public bool IsSqlServer => Provider == DatabaseProvider.SqlServer;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoachLoopDbContext).Assembly);
        if (IsSqlServer)
        {
            // SQL Server will not send back generated keys with a plain OUTPUT clause from a table with triggers (the audit
            // table's append-only trigger, made by the first SQL Server migration): EF must know of it.
            modelBuilder.Entity<AuditEntry>().ToTable(t => t.HasTrigger(SqlServerSchema.AuditTrigger));
        }

        StorageConventions.Apply(modelBuilder, Provider);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (entities, entries) = PrepareAudit();
        try
        {
            var result = base.SaveChanges(acceptAllChangesOnSuccess);
            ClearDrained(entities);
            return result;
        }
        catch
        {
            Unstage(entries);
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (entities, entries) = PrepareAudit();
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            ClearDrained(entities);
            return result;
        }
        catch
        {
            Unstage(entries);
            throw;
        }
    }

    private (List<AuditedEntity> Entities, List<AuditEntry> Entries) PrepareAudit()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only.");
        }

        var drained = new List<AuditedEntity>();
        var staged = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries<AuditedEntity>().ToList())
        {
            if (entry.Entity.PendingChanges.Count == 0)
            {
                continue;
            }

            foreach (var change in entry.Entity.PendingChanges)
            {
                var auditEntry = ToAuditEntry(change);
                AuditEntries.Add(auditEntry);
                staged.Add(auditEntry);
            }

            drained.Add(entry.Entity);
        }

        return (drained, staged);
    }

    // A failed save leaves the entities' pending changes in place; drop the staged rows so a retry stages them once.
    private void Unstage(List<AuditEntry> staged)
    {
        foreach (var auditEntry in staged)
        {
            Entry(auditEntry).State = EntityState.Detached;
        }
    }

    // Changes are cleared only once the transaction committed, so a failed save can be retried whole.
    private static void ClearDrained(List<AuditedEntity> drained)
    {
        foreach (var entity in drained)
        {
            entity.ClearPendingChanges();
        }
    }

    public static AuditEntry ToAuditEntry(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new AuditEntry
        {
            EntityType = change.EntityType,
            EntityId = change.EntityId,
            Action = change.Action,
            ActorPersonId = change.Actor.PersonId,
            ActorName = change.Actor.Name,
            ActorRole = change.Actor.Role.ToString(),
            Channel = change.Actor.Channel,
            At = change.At,
            Before = change.Before,
            After = change.After,
            Detail = change.Detail,
        };
    }
}
