using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Requests;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ToTable("ServiceRequests");
        builder.Property(r => r.Title).HasMaxLength(TextRules.StorageLength(TextRules.TitleLength)).IsRequired();
        builder.Property(r => r.Details).HasMaxLength(TextRules.StorageLength(TextRules.DetailsLength)).IsRequired();
        builder.Property(r => r.Resolution).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength));
        builder.Property(r => r.DeclineReason).HasMaxLength(TextRules.StorageLength(TextRules.ReasonLength));
        builder.Property(r => r.RatingComment).HasMaxLength(TextRules.StorageLength(TextRules.ReasonLength));
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Requester).WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.AcknowledgedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.DeclinedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The inbox lists a team's active requests oldest first; "My requests" lists one person's.
        builder.HasIndex(r => new { r.TeamId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.RequesterId, r.CreatedAt });
        // The dashboard: one team's requests by creation, every team's for a period, and the still-active ones.
        builder.HasIndex(r => new { r.TeamId, r.CreatedAt, r.Status, r.RequesterId, r.Rating, r.AcknowledgedAt, r.ResolvedAt });
        builder.HasIndex(r => new { r.CreatedAt, r.TeamId, r.Status, r.RequesterId, r.Rating, r.AcknowledgedAt, r.ResolvedAt });
        builder.HasIndex(r => new { r.Status, r.TeamId });
    }
}
