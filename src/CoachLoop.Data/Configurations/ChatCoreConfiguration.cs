using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachLoop.Data.Configurations;

internal sealed class CardPostConfiguration : IEntityTypeConfiguration<CardPost>
{
    public void Configure(EntityTypeBuilder<CardPost> builder)
    {
        builder.ToTable("CardPosts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CardKind).HasMaxLength(32).IsRequired();
        builder.Property(p => p.Channel).HasMaxLength(16).IsRequired();
        builder.Property(p => p.ConversationId).HasMaxLength(200).IsRequired();
        builder.Property(p => p.MessageRef).HasMaxLength(200);
        builder.Ignore(p => p.Lane);
        builder.HasIndex(p => new { p.CardKind, p.SubjectId, p.Channel, p.ConversationId }).IsUnique();
        builder.HasIndex(p => p.SubjectId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Lane).HasMaxLength(240).IsRequired();
        // A delivery records its outcome only while its claim stands: another host's claim changes these.
        builder.Property(m => m.LeaseOwner).HasMaxLength(100).IsConcurrencyToken();
        builder.Property(m => m.Attempts).IsConcurrencyToken();
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasOne<CardPost>().WithMany().HasForeignKey(m => m.CardPostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.Lane, m.Status, m.Id });
        // The dispatcher's look at what is due walks pending messages in its order (urgent first, then oldest) and stops at its
        // batch, instead of reading and sorting every pending message (migration 0014: 45 ms to 0.1 ms with 13,000 queued).
        builder.HasIndex(m => new { m.Status, m.Urgent, m.Id }).IsDescending(false, true, false);
        builder.HasIndex(m => m.CardPostId);
    }
}

internal sealed class ProcessedActionConfiguration : IEntityTypeConfiguration<ProcessedAction>
{
    public void Configure(EntityTypeBuilder<ProcessedAction> builder)
    {
        builder.ToTable("ProcessedActions");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Outcome).IsRequired();
    }
}

internal sealed class WebMessageConfiguration : IEntityTypeConfiguration<WebMessage>
{
    public void Configure(EntityTypeBuilder<WebMessage> builder)
    {
        builder.ToTable("WebMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ConversationId).HasMaxLength(200).IsRequired();
        builder.Property(m => m.CardKind).HasMaxLength(32).IsRequired();
        builder.Property(m => m.CardJson).IsRequired();
        builder.HasIndex(m => new { m.ConversationId, m.PostedAt });
    }
}
