using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class ChannelRouteConfiguration : IEntityTypeConfiguration<ChannelRoute>
{
    public void Configure(EntityTypeBuilder<ChannelRoute> builder)
    {
        builder.ToTable("ChannelRoutes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Channel).HasMaxLength(16).IsRequired();
        builder.Property(r => r.RouteKind).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Tenant).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ConversationId).HasMaxLength(400).IsRequired();
        builder.Property(r => r.ServiceUrl).HasMaxLength(400);
        builder.HasIndex(r => new { r.Channel, r.RouteKind, r.SubjectId }).IsUnique();
    }
}

internal sealed class ChannelInstallationConfiguration : IEntityTypeConfiguration<ChannelInstallation>
{
    public void Configure(EntityTypeBuilder<ChannelInstallation> builder)
    {
        builder.ToTable("ChannelInstallations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Channel).HasMaxLength(16).IsRequired();
        builder.Property(i => i.Tenant).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Scope).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Detail).HasMaxLength(2000);
        builder.HasIndex(i => new { i.Channel, i.Tenant, i.Scope }).IsUnique();
    }
}

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("InboundEvents");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
