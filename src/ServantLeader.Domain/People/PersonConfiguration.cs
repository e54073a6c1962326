using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People.Import;

namespace ServantLeader.Domain.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.DisplayName).HasMaxLength(TextRules.StorageLength(TextRules.NameLength)).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(TextRules.EmailLength).IsRequired();
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.Property(p => p.EmployeeId).HasMaxLength(OrgChart.EmployeeIdLength);
        builder.HasIndex(p => p.EmployeeId).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.User).WithOne().HasForeignKey<Person>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
