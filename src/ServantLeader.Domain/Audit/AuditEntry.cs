using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Audit;

/// <summary>
/// One change, for the record: who (the acting person, or none for the system), when, what kind of change, and to
/// what. The description names people, teams, roles and states, never what anyone wrote: Admins read the log, and
/// Admins may not read requests or notes. Rows are only ever added; the database refuses updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    public const int DescriptionLength = 500;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? ActorId { get; private set; }
    public Person? Actor { get; private set; }
    public string Action { get; private set; } = null!;
    public string SubjectType { get; private set; } = null!;
    public int SubjectId { get; private set; }
    public string Description { get; private set; } = null!;

    private AuditEntry() { }

    internal AuditEntry(DateTimeOffset at, int? actorId, string action, string subjectType, int subjectId, string description)
    {
        At = at;
        ActorId = actorId is > 0 ? actorId : null;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Description = description.Length > DescriptionLength ? description[..DescriptionLength] : description;
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Action).HasMaxLength(60).IsRequired();
        builder.Property(a => a.SubjectType).HasMaxLength(30).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(AuditEntry.DescriptionLength * 8).IsRequired();
        builder.HasOne(a => a.Actor).WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
        builder.HasIndex(a => new { a.ActorId, a.At });
    }
}
