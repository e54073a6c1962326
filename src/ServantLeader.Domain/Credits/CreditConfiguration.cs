using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Credits;

internal sealed class CreditConfiguration : IEntityTypeConfiguration<Credit>
{
    public void Configure(EntityTypeBuilder<Credit> builder)
    {
        builder.ToTable("Credits");
        builder.Property(c => c.Message).HasMaxLength(TextRules.StorageLength(Credit.MessageLength)).IsRequired();
        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Giver).WithMany().HasForeignKey(c => c.GiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Receiver).WithMany().HasForeignKey(c => c.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CheckIn>().WithMany().HasForeignKey(c => c.CheckInId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.TeamId, c.CreatedAt, c.GiverId, c.ReceiverId });
        builder.HasIndex(c => new { c.CreatedAt, c.TeamId, c.GiverId, c.ReceiverId });
        builder.HasIndex(c => new { c.ReceiverId, c.CreatedAt });
    }
}
