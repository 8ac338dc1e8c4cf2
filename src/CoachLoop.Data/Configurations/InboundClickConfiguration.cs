using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class InboundClickConfiguration : IEntityTypeConfiguration<InboundClick>
{
    public void Configure(EntityTypeBuilder<InboundClick> builder)
    {
        builder.ToTable("InboundClicks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Key).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Channel).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Tenant).HasMaxLength(100).IsRequired();
        builder.Property(c => c.UserId).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Verb).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Data).IsRequired();
        builder.Property(c => c.ConversationId).HasMaxLength(200);
        builder.Property(c => c.LeaseOwner).HasMaxLength(100);
        builder.Property(c => c.Failure).HasMaxLength(2000);
        builder.HasIndex(c => c.Key).IsUnique();
        // Pending rows (done_at NULL) in arrival order for the workers; done rows by age for pruning.
        builder.HasIndex(c => new { c.DoneAt, c.Id });
    }
}
