using CoachLoop.Engine.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Email).HasMaxLength(320).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.ExternalId).HasMaxLength(200);
        builder.Property(p => p.TimeZone).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.ExternalId).IsUnique();
        builder.HasIndex(p => p.TeamId);
    }
}
