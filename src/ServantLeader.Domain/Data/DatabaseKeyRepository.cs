using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ServantLeader.Domain.Data;

/// <summary>Data Protection's key ring in the <c>DataProtectionKeys</c> table (see <see cref="DataProtectionKey"/>).</summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<ServantLeaderDb> dbs) : IXmlRepository
{
    // The framework's interface is synchronous; it reads the ring at start-up and about once a day after that.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbs.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = dbs.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
