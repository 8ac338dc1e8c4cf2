using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class StreakCursorConfiguration : IEntityTypeConfiguration<StreakCursor>
{
    public void Configure(EntityTypeBuilder<StreakCursor> builder)
    {
        builder.ToTable("StreakCursors");
        builder.HasKey(c => new { c.AgentId, c.CriterionId });
        builder.Property(c => c.CriterionId).HasMaxLength(100);
        builder.Property(c => c.Revision).IsConcurrencyToken();
    }
}
