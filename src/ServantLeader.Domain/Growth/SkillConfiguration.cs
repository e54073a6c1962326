using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> builder)
    {
        builder.ToTable("Skills");
        builder.Property(s => s.Name).HasMaxLength(TextRules.StorageLength(Skill.NameLength)).IsRequired();
        builder.Property(s => s.Key).HasMaxLength(TextRules.StorageLength(Skill.NameLength)).IsRequired();
        builder.Property(s => s.ProposedLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ConfirmedLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsConfirmed);
        builder.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.ConfirmedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PersonId, s.Key }).IsUnique();
        // "Who can teach this?" looks a skill up by name across people.
        builder.HasIndex(s => new { s.Key, s.ConfirmedLevel, s.PersonId });
    }
}
