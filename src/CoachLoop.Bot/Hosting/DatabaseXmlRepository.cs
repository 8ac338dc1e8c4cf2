using System.Xml.Linq;
using CoachLoop.Data;
using CoachLoop.Data.Records;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Bot.Hosting;

/// <summary>
/// Data Protection's key repository in the CoachLoop database (table data_protection_keys), so every host sharing the database
/// shares the key ring. It does what Microsoft's PersistKeysToDbContext does, without the data layer referencing ASP.NET
/// (an architecture rule): each call uses a scope of its own, as Data Protection calls it outside any request.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Where(k => k.Xml != null).Select(k => k.Xml!).ToList()
            .Select(xml => XElement.Parse(xml)).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachLoopDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
