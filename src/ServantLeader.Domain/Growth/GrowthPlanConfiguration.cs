using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Growth;

internal sealed class GrowthPlanConfiguration : IEntityTypeConfiguration<GrowthPlan>
{
    public void Configure(EntityTypeBuilder<GrowthPlan> builder)
    {
        builder.ToTable("GrowthPlans");
        builder.Property(p => p.Ambition).HasMaxLength(TextRules.StorageLength(GrowthPlan.AmbitionLength)).IsRequired();
        builder.Property(p => p.Strengths).HasMaxLength(TextRules.StorageLength(GrowthPlan.StrengthsLength)).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Goals).WithOne(g => g.Plan).HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.PersonId).IsUnique();
        builder.HasIndex(p => new { p.UpdatedAt, p.PersonId });
    }
}
