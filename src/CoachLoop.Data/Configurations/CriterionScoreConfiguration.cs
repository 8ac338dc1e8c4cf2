using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScoreRecord>
{
    public void Configure(EntityTypeBuilder<CriterionScoreRecord> builder)
    {
        builder.ToTable("CriterionScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CriterionId).HasMaxLength(100).IsRequired();
        builder.HasOne<ScoredCallRecord>().WithMany().HasForeignKey(s => s.ScoredCallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AgentId, s.CriterionId, s.CallTime });
        // Peer examples (migration 0019): a criterion's recent scores, newest first, without reading every score.
        builder.HasIndex(s => new { s.CriterionId, s.CallTime });
    }
}
