using CoachLoop.Engine.Disputes;
using CoachLoop.Engine.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("Disputes");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.PendingChanges);
        builder.Property(d => d.CriterionId).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.DecisionNote).HasMaxLength(2000);
        builder.HasOne<Flag>().WithMany().HasForeignKey(d => d.FlagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.Status, d.Deadline });
        builder.HasIndex(d => d.FlagId);
    }
}
