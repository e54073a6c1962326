using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Data;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>The API's existing routes carry the rhythm's growth fields, checked on the server like the forms.</summary>
[Trait("Area", "Growth")]
public sealed class RhythmApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<int> GoalAsync(Domain.Common.Actor person, string what) =>
        RhythmGoalRows.ActiveGoalAsync(app.Services.GetRequiredService<IDbContextFactory<ServantLeaderDb>>(), person.PersonId, what);

    private object Support(int goalId) => new
    {
        memberId = app.Mia.PersonId, teamId = app.Product, goalId, category = "StretchOpportunity", minutes = 60,
        date = DateOnly.FromDateTime(DateTime.Now), note = "Mia led the design review.",
    };

    [Fact]
    public async Task Support_posted_for_another_members_goal_is_400_naming_the_goal_and_for_the_members_own_goal_201()
    {
        var mias = await GoalAsync(app.Mia, "Lead the design review");
        var maxs = await GoalAsync(app.Max, "Learn Rust");
        var lea = await app.ApiClientAsync(app.Lea);

        var refused = await lea.PostAsJsonAsync("/api/v1/support", Support(maxs));
        var logged = await lea.PostAsJsonAsync("/api/v1/support", Support(mias));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("goalId", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
    }

    [Fact]
    public async Task A_check_in_read_over_the_API_carries_its_growth_answers()
    {
        var mia = await app.ApiClientAsync(app.Mia);

        var body = await mia.GetStringAsync($"/api/v1/check-ins/{app.MiasCheckIn}");

        Assert.Contains("\"helpToGrow\"", body, StringComparison.Ordinal);
        Assert.Contains("\"goals\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_does_not_start_with_ConversationWeeks_outside_one_to_fifty_two()
    {
        using var broken = app.WithWebHostBuilder(b => b.UseSetting("ServantLeader:Growth:ConversationWeeks", "0"));

        var error = Record.Exception(() => broken.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("ConversationWeeks", error.ToString(), StringComparison.Ordinal);
    }
}
