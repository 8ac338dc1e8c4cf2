using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class SlackInstallationConfiguration : IEntityTypeConfiguration<SlackInstallation>
{
    public void Configure(EntityTypeBuilder<SlackInstallation> builder)
    {
        builder.ToTable("SlackInstallations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.InstallKey).HasMaxLength(32).IsRequired();
        builder.Property(i => i.TeamId).HasMaxLength(32);
        builder.Property(i => i.EnterpriseId).HasMaxLength(32);
        builder.Property(i => i.AppId).HasMaxLength(32);
        builder.Property(i => i.BotUserId).HasMaxLength(32).IsRequired();
        builder.Property(i => i.ProtectedBotToken).HasMaxLength(2000).IsRequired();
        builder.Property(i => i.Scopes).HasMaxLength(2000).IsRequired();
        builder.Property(i => i.InstallerUserId).HasMaxLength(32);
        builder.Property(i => i.RevokedReason).HasMaxLength(200);
        builder.HasIndex(i => i.InstallKey).IsUnique();
    }
}

/// <summary>The Data Protection key ring, shared by every host through the database.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedOnAdd();
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
