using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Growth;

internal sealed class GoalProgressConfiguration : IEntityTypeConfiguration<GoalProgress>
{
    public void Configure(EntityTypeBuilder<GoalProgress> builder)
    {
        builder.ToTable("GoalProgress");
        builder.Property(p => p.Movement).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(p => p.CheckIn).WithMany().HasForeignKey(p => p.CheckInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Goal).WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CheckInId, p.GoalId }).IsUnique();
        builder.HasIndex(p => new { p.GoalId, p.Movement });
    }
}
