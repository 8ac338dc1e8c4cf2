using CoachLoop.Data.Records;
using CoachLoop.Engine.Coaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class WorkshopFlagConfiguration : IEntityTypeConfiguration<WorkshopFlag>
{
    public void Configure(EntityTypeBuilder<WorkshopFlag> builder)
    {
        builder.ToTable("WorkshopFlags");
        builder.HasKey(l => l.FlagId);
        builder.HasOne<Workshop>().WithMany().HasForeignKey(l => l.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.WorkshopId);
    }
}
