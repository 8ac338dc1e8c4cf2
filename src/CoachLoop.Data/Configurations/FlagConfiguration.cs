using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.ToTable("Flags");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Ignore(f => f.PendingChanges);
        builder.Ignore(f => f.IsOpen);
        builder.Property(f => f.CallId).HasMaxLength(200).IsRequired();
        builder.Property(f => f.CriterionId).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Plan).HasJsonConversion().IsRequired();
        builder.Property(f => f.Session).HasJsonConversion();
        builder.Property(f => f.LastFollowUp).HasJsonConversion();
        builder.Property(f => f.ClosingNote).HasMaxLength(2000);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.HasOne<Records.ScoredCallRecord>().WithMany().HasForeignKey(f => f.ScoredCallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.SupersededBy);
        builder.Property(f => f.PeerScoreId);
        builder.OwnsMany(f => f.Streak, streak =>
        {
            // A call's score on a criterion belongs to one streak at most: one streak, one pattern flag, ever.
            streak.ToTable("FlagStreakCalls");
            streak.WithOwner().HasForeignKey("FlagId");
            // A generated key, so a call appended to a tracked flag's streak is inserted, not mistaken for a stored row.
            streak.Property<Guid>("Id").ValueGeneratedOnAdd();
            streak.HasKey("Id");
            streak.Property(c => c.CriterionId).HasMaxLength(100).IsRequired();
            streak.Property(c => c.Source).HasMaxLength(100).IsRequired();
            streak.Property(c => c.CallId).HasMaxLength(200).IsRequired();
            streak.HasIndex(c => new { c.ScoredCallId, c.CriterionId }).IsUnique();
        });
        builder.Navigation(f => f.Streak).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(f => new { f.TeamId, f.Status });
        builder.HasIndex(f => new { f.AgentId, f.CriterionId, f.Status });
        builder.HasIndex(f => new { f.Status, f.FollowUpDate });
        // Keyset pages of the flag list and of the coaching log (migration 0013).
        builder.HasIndex(f => new { f.Urgent, f.RaisedAt, f.Id });
        builder.HasIndex(f => new { f.SessionLoggedAt, f.Id });
    }
}
