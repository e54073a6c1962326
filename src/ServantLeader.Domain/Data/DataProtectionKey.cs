using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServantLeader.Domain.Data;

/// <summary>
/// One Data Protection key, as the XML the framework writes. Kept in the database so that every app instance reads
/// the same keys: a sign-in cookie or antiforgery token made by one instance is honoured by another, and a backup of
/// the database carries the keys with it.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; private set; }
    public string FriendlyName { get; private set; } = null!;
    public string Xml { get; private set; } = null!;

    private DataProtectionKey() { }

    internal DataProtectionKey(string friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Xml).IsRequired();
    }
}
