using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class ChatIdentityConfiguration : IEntityTypeConfiguration<ChatIdentity>
{
    public void Configure(EntityTypeBuilder<ChatIdentity> builder)
    {
        builder.ToTable("ChatIdentities");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Provider).HasMaxLength(16).IsRequired();
        builder.Property(c => c.Tenant).HasMaxLength(100).IsRequired();
        builder.Property(c => c.ExternalUserId).HasMaxLength(200).IsRequired();
        builder.Property(c => c.ChannelUserId).HasMaxLength(200);
        builder.HasIndex(c => new { c.Provider, c.Tenant, c.ExternalUserId }).IsUnique();
        builder.HasIndex(c => c.PersonId);
    }
}
