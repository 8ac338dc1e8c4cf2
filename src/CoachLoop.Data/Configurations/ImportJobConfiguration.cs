using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Format).HasMaxLength(16).IsRequired();
        builder.Property(j => j.FileName).HasMaxLength(200);
        builder.Property(j => j.Status).HasMaxLength(16).IsRequired();
        builder.Property(j => j.InvalidLines).IsRequired();
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        // The workers look for unfinished jobs; the list pages newest first.
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.CreatedAt, j.Id });
    }
}
