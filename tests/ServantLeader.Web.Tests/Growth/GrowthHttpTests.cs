using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>The plan over real HTTP: the page and the API keep the same secret from the same people.</summary>
[Trait("Area", "Growth")]
public sealed class GrowthHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secret = "Mia's ambition: lead the platform team";

    private async Task WriteMiasPlanAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<GrowthPlans>();
        var plan = await plans.MineAsync(app.Mia, default);
        if (plan.Ambition != Secret)
        {
            await plans.WriteAsync(app.Mia, new WritePlan { Ambition = Secret, ExpectedVersion = plan.Version }, default);
        }
    }

    [Theory]
    [InlineData("Hr")]
    [InlineData("Admin")]
    [InlineData("Otto")]
    public async Task HR_admins_and_other_leaders_get_404_on_the_page_and_the_api_and_never_the_words(string who)
    {
        await WriteMiasPlanAsync();
        var actor = who switch { "Hr" => app.Hr, "Admin" => app.Admin, _ => app.Otto };

        var page = await (await app.SignedInAsync(who)).GetAsync($"/growth/people/{app.Mia.PersonId}");
        var api = await (await app.ApiClientAsync(actor)).GetAsync($"/api/v1/growth/people/{app.Mia.PersonId}/plan");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("lead the platform team", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("lead the platform team", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leader_reads_the_plan_on_the_page_and_through_the_api()
    {
        await WriteMiasPlanAsync();

        var page = await (await app.SignedInAsync("Lea")).GetStringAsync($"/growth/people/{app.Mia.PersonId}");
        var plan = await (await app.ApiClientAsync(app.Lea)).GetFromJsonAsync<JsonElement>($"/api/v1/growth/people/{app.Mia.PersonId}/plan");

        Assert.Contains("lead the platform team", page, StringComparison.Ordinal);
        Assert.Equal(Secret, plan.GetProperty("ambition").GetString());
        Assert.False(plan.GetProperty("viewerIsOwner").GetBoolean());
    }

    [Theory]
    [InlineData("GET", "/api/v1/growth/plan")]
    [InlineData("GET", "/api/v1/growth/people/1/plan")]
    [InlineData("POST", "/api/v1/growth/goals")]
    [InlineData("DELETE", "/api/v1/growth/skills/1")]
    public async Task Without_a_token_the_api_answers_401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { what = "A goal" }) : null,
        };
        var response = await app.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_owner_keeps_a_plan_through_the_api_with_field_messages_and_conflicts()
    {
        var api = await app.ApiClientAsync(app.Max);

        var bad = await api.PostAsJsonAsync("/api/v1/growth/goals", new { what = "", why = "Because" });
        var made = await api.PostAsJsonAsync("/api/v1/growth/goals", new { what = "Pair on the billing service", targetDate = DateOnly.FromDateTime(DateTime.Now.AddMonths(2)) });
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var achieved = await api.PostAsJsonAsync($"/api/v1/growth/goals/{id}/achieve", new { expectedVersion = 0 });
        var again = await api.PostAsJsonAsync($"/api/v1/growth/goals/{id}/achieve", new { expectedVersion = 0 });
        var version = (await api.GetFromJsonAsync<JsonElement>("/api/v1/growth/plan")).GetProperty("version").GetInt32();
        var stale = await api.PutAsJsonAsync("/api/v1/growth/plan", new { ambition = "Second window", expectedVersion = version - 1 });
        var written = await api.PutAsJsonAsync("/api/v1/growth/plan", new { ambition = "Lead the billing team", expectedVersion = version });
        var plan = await api.GetFromJsonAsync<JsonElement>("/api/v1/growth/plan");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("What", out _));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal($"/api/v1/growth/goals/{id}", made.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NoContent, achieved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);
        Assert.Equal("Lead the billing team", plan.GetProperty("ambition").GetString());
        Assert.Equal("Achieved", plan.GetProperty("goals")[0].GetProperty("state").GetString());
    }
}
