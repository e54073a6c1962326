using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.CheckIns;

internal sealed class CheckInCommentConfiguration : IEntityTypeConfiguration<CheckInComment>
{
    public void Configure(EntityTypeBuilder<CheckInComment> builder)
    {
        builder.ToTable("CheckInComments");
        builder.Property(c => c.Text).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired();
        builder.Property(c => c.Section).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<CheckIn>().WithMany().HasForeignKey(c => c.CheckInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CheckInId, c.At });
    }
}
