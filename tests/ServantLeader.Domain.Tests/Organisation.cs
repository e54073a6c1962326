using ServantLeader.Domain.Common;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests;

/// <summary>
/// Two teams, as most tests need them: Product led by Lea (with co-leader Colin) with members Mia and Max;
/// Platform led by Otto with member Pia. Plus HR and an Admin who are in no team.
/// </summary>
public sealed class Organisation
{
    public required TestDatabase Db { get; init; }
    public required Actor Lea { get; init; }
    public required Actor Colin { get; init; }
    public required Actor Mia { get; init; }
    public required Actor Max { get; init; }
    public required Actor Otto { get; init; }
    public required Actor Pia { get; init; }
    public required Actor Hr { get; init; }
    public required Actor Admin { get; init; }
    public required int Product { get; init; }
    public required int Platform { get; init; }

    public RequestService Requests => Db.Get<RequestService>();
    public SupportService Support => Db.Get<SupportService>();

    public static async Task<Organisation> CreateAsync(TestDatabase db)
    {
        var lea = await db.PersonAsync("Lea Leader");
        var colin = await db.PersonAsync("Colin Coleader");
        var mia = await db.PersonAsync("Mia Member");
        var max = await db.PersonAsync("Max Member");
        var otto = await db.PersonAsync("Otto Other");
        var pia = await db.PersonAsync("Pia Platform");
        var hr = await db.PersonAsync("Hanna Hr", isHr: true);
        var admin = await db.PersonAsync("Adam Admin", isAdmin: true);
        var product = await db.TeamAsync("Product", (lea, TeamRole.Leader), (colin, TeamRole.Leader), (mia, TeamRole.Member), (max, TeamRole.Member));
        var platform = await db.TeamAsync("Platform", (otto, TeamRole.Leader), (pia, TeamRole.Member));
        return new Organisation
        {
            Db = db, Lea = lea, Colin = colin, Mia = mia, Max = max, Otto = otto, Pia = pia, Hr = hr, Admin = admin,
            Product = product, Platform = platform,
        };
    }

    public AskForHelp Ask(string title = "Blocked on staging access") => new()
    {
        TeamId = Product,
        Category = SupportCategory.RemovingObstacle,
        Title = title,
        Details = "The access request has been pending for two days.",
        Urgency = Urgency.High,
    };

    public async Task<RequestDetail> AskAsync(Actor member, string title = "Blocked on staging access")
    {
        var command = Ask(title);
        command.TeamId = member == Pia ? Platform : Product;
        var id = await Requests.AskAsync(member, command, CancellationToken.None);
        return await Requests.GetAsync(member, id, CancellationToken.None);
    }

    public static RespondToRequest Respond(RequestDetail request, string note = "") =>
        new() { RequestId = request.Id, ExpectedVersion = request.Version, Note = note };

    public Task<RequestDetail> ReloadAsync(Actor actor, RequestDetail request) =>
        Requests.GetAsync(actor, request.Id, CancellationToken.None);
}
