using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class NoticeFlagConfiguration : IEntityTypeConfiguration<NoticeFlag>
{
    public void Configure(EntityTypeBuilder<NoticeFlag> builder)
    {
        builder.ToTable("NoticeFlags");
        builder.HasKey(l => new { l.NoticeId, l.FlagId });
        builder.HasIndex(l => l.FlagId);
    }
}
