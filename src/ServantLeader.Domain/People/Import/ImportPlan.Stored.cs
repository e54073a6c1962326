using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.People.Import;

internal sealed partial class ImportPlan
{
    /// <summary>The teams, people and memberships as stored, read once at the start of the plan.</summary>
    private sealed record Stored(
        Dictionary<string, (int Id, string Name)> TeamByName, Dictionary<int, string> TeamNames, List<Person> People,
        Dictionary<string, Person> ByEmployeeId, Dictionary<string, Person> ByEmail, Dictionary<int, string> EmployeeIdOf,
        ILookup<int, Membership> MembershipsOf, HashSet<string> AdminUsers)
    {
        public static async Task<Stored> LoadAsync(ServantLeaderDb db, CancellationToken ct)
        {
            var teams = await db.Teams.Select(t => new { t.Id, t.Name }).ToListAsync(ct);
            var people = await db.People.ToListAsync(ct);
            var memberships = await db.Memberships.ToListAsync(ct);
            return new Stored(
                teams.GroupBy(t => t.Name.Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name), StringComparer.OrdinalIgnoreCase),
                teams.ToDictionary(t => t.Id, t => t.Name),
                people,
                people.Where(p => p.EmployeeId is not null).ToDictionary(p => p.EmployeeId!, StringComparer.Ordinal),
                people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase),
                people.Where(p => p.EmployeeId is not null).ToDictionary(p => p.Id, p => p.EmployeeId!),
                memberships.ToLookup(m => m.PersonId),
                await SeparationOfDuties.AdminUserIdsAsync(db, ct));
        }
    }
}
