using CoachLoop.Data.Modeling;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> builder)
    {
        builder.ToTable("Rubrics");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.CallType).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Criteria).HasJsonConversion().IsRequired();
        builder.HasIndex(r => new { r.Key, r.Version }).IsUnique();
    }
}
