using System.Net;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>The picture over real HTTP: another team's picture is not found, for HR too; HR's own picture names no one.</summary>
[Trait("Area", "Growth")]
public sealed class OrgPictureHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("Pia")]
    [InlineData("Otto")]
    [InlineData("Hr")]
    [InlineData("Admin")]
    public async Task A_team_the_reader_is_not_in_is_not_found(string name)
    {
        var client = await app.SignedInAsync(name);

        var response = await client.GetAsync($"/growth/picture?team={app.Product}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // No drawing and no one's node. (Not the bare name: the reader's notification bell may name Mia for another reason.)
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sl-picture-svg", body, StringComparison.Ordinal);
        Assert.DoesNotContain(">Mia<", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leader_and_a_member_see_the_team_with_names_and_HR_sees_teams_only()
    {
        var asLea = await (await app.SignedInAsync("Lea")).GetStringAsync($"/growth/picture?team={app.Product}");
        var asMia = await (await app.SignedInAsync("Mia")).GetStringAsync("/growth/picture");
        var asHr = await (await app.SignedInAsync("Hr")).GetStringAsync("/growth/picture?weeks=12");

        Assert.Contains(">Max<", asLea, StringComparison.Ordinal);
        Assert.Contains(">Max<", asMia, StringComparison.Ordinal);
        Assert.Contains(">Product<", asHr, StringComparison.Ordinal);
        Assert.Contains(">Platform<", asHr, StringComparison.Ordinal);
        foreach (var person in new[] { ">Mia<", ">Max<", ">Lea<", ">Otto<", ">Pia<" })
        {
            Assert.DoesNotContain(person, asHr, StringComparison.Ordinal);
        }
    }
}
