using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class ScoredCallConfiguration : IEntityTypeConfiguration<ScoredCallRecord>
{
    public void Configure(EntityTypeBuilder<ScoredCallRecord> builder)
    {
        builder.ToTable("ScoredCalls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Source).HasMaxLength(100).IsRequired();
        builder.Property(c => c.CallId).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Queue).HasMaxLength(100);
        builder.Property(c => c.RecordingUrl).HasMaxLength(2000);
        builder.Property(c => c.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ReceiptJson).IsRequired();
        builder.HasIndex(c => new { c.Source, c.CallId }).IsUnique();
        builder.HasIndex(c => new { c.AgentId, c.CallTime });
    }
}
