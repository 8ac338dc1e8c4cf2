using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.EntityType).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ActorRole).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Channel).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Before).HasMaxLength(64);
        builder.Property(a => a.After).HasMaxLength(64);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
    }
}
