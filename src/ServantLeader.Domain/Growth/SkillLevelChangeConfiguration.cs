using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

internal sealed class SkillLevelChangeConfiguration : IEntityTypeConfiguration<SkillLevelChange>
{
    public void Configure(EntityTypeBuilder<SkillLevelChange> builder)
    {
        builder.ToTable("SkillLevelChanges");
        builder.Property(c => c.FromLevel).HasConversion<int?>();
        builder.Property(c => c.ToLevel).HasConversion<int>();
        builder.Ignore(c => c.IsMoveUp);
        builder.HasOne(c => c.Skill).WithMany().HasForeignKey(c => c.SkillId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ConfirmedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.At, c.PersonId, c.FromLevel, c.ToLevel });
        builder.HasIndex(c => new { c.PersonId, c.At });
    }
}
