using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.EventTypes).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Secret).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(200);
        builder.HasIndex(s => new { s.CreatedAt, s.Id });
    }
}
