using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

internal sealed class GrowthPlanEditConfiguration : IEntityTypeConfiguration<GrowthPlanEdit>
{
    public void Configure(EntityTypeBuilder<GrowthPlanEdit> builder)
    {
        builder.ToTable("GrowthPlanEdits");
        builder.HasOne(e => e.Plan).WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PersonId, e.At });
        builder.HasIndex(e => new { e.At, e.PersonId });
    }
}
