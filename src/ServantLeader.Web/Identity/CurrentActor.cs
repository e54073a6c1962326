using Microsoft.AspNetCore.Components.Authorization;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Web.Identity;

/// <summary>Who is using this circuit or request. Components ask it for the <see cref="Actor"/> they pass to services.</summary>
internal sealed class CurrentActor(AuthenticationStateProvider auth, PeopleService people)
{
    private PersonProfile? _profile;

    public async Task<Actor> GetAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        // Every page requires a signed-in person; reaching here without one is a bug, not a user error.
        return PersonClaims.ActorFrom(state.User)
               ?? throw new InvalidOperationException("No signed-in person for this request.");
    }

    /// <summary>The signed-in person's profile, read once per circuit for navigation.</summary>
    public async Task<PersonProfile?> ProfileAsync(CancellationToken ct)
    {
        if (_profile is null)
        {
            var actor = await GetAsync();
            _profile = await people.ProfileAsync(actor.PersonId, ct);
        }
        return _profile;
    }
}
