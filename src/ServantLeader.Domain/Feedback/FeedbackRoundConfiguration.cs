using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Feedback;

internal sealed class FeedbackRoundConfiguration : IEntityTypeConfiguration<FeedbackRound>
{
    public void Configure(EntityTypeBuilder<FeedbackRound> builder)
    {
        builder.ToTable("FeedbackRounds", t =>
        {
            t.HasCheckConstraint("CK_FeedbackRounds_Dates", "\"ClosesOn\" >= \"OpensOn\"");
            t.HasCheckConstraint("CK_FeedbackRounds_MinResponses", "\"MinResponses\" >= 3");
        });
        builder.Property(r => r.Name).HasMaxLength(TextRules.StorageLength(TextRules.NameLength)).IsRequired();
        builder.HasOne(r => r.Instrument).WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Teams).WithOne().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Teams).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
