using CoachLoop.Data.Modeling;
using CoachLoop.Data.Records;
using CoachLoop.Engine.Coaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.ToTable("Workshops");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Ignore(w => w.PendingChanges);
        builder.Property(w => w.CriterionId).HasMaxLength(100).IsRequired();
        builder.Property(w => w.FlagIds).HasJsonConversion().IsRequired();
        builder.Property(w => w.Revision).IsConcurrencyToken();
        // The API lists a team's workshops newest first, a page at a time.
        builder.HasIndex(w => new { w.TeamId, w.ScheduledAt, w.Id });
    }
}
