using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class ImportChunkConfiguration : IEntityTypeConfiguration<ImportChunk>
{
    public void Configure(EntityTypeBuilder<ImportChunk> builder)
    {
        builder.ToTable("ImportChunks");
        builder.HasKey(c => new { c.JobId, c.Number });
        builder.Property(c => c.Lines).IsRequired();
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
