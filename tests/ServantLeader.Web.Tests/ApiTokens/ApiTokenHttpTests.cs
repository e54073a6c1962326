using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.ApiTokens;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.ApiTokens;

/// <summary>Personal tokens over real HTTP: revoked, expired, someone else's, a deactivated owner, a cookie instead.</summary>
[Trait("Area", "Integrations")]
public sealed class ApiTokenHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_token_speaks_for_its_owner_only()
    {
        var mias = await app.NewApiTokenAsync(app.Mia);
        var me = await app.ApiClient(mias.Token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(app.Mia.PersonId, me.GetProperty("personId").GetInt32());
        Assert.False(me.GetProperty("isAdmin").GetBoolean());

        // Pia's token cannot read Mia's request: the same 404 as for an id that does not exist.
        var pias = await app.NewApiTokenAsync(app.Pia);
        var theirs = await app.ApiClient(pias.Token).GetAsync($"/api/v1/requests/{app.MiasRequest}");
        var missing = await app.ApiClient(pias.Token).GetAsync("/api/v1/requests/999999");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var token = await app.NewApiTokenAsync(app.Lea);
        var client = app.ApiClient(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/requests/inbox")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(app.Lea, token.Id, CancellationToken.None);
        }

        var after = await client.GetAsync("/api/v1/requests/inbox");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Someone_else_cannot_revoke_a_token()
    {
        var token = await app.NewApiTokenAsync(app.Lea);
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        await Assert.ThrowsAsync<ServantLeader.Domain.Common.NotFoundException>(() => tokens.RevokeAsync(app.Admin, token.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(token.Token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_and_a_made_up_one_are_refused()
    {
        var token = await app.NewApiTokenAsync(app.Max);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(token.Token).GetAsync("/api/v1/me")).StatusCode);

        // Right shape, one character changed.
        var forged = token.Token[..^1] + (token.Token[^1] == 'A' ? 'B' : 'A');
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(forged).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient("not-a-token").GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_the_owner_disables_their_tokens()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var who = new ServantLeader.Domain.Common.Actor(await people.CreateAsync(app.Admin, new PersonDraft
        {
            DisplayName = "Leaving Soon", Email = "leaving@example.org", Password = AppFactory.Password,
        }, CancellationToken.None));
        var token = await app.NewApiTokenAsync(who);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(token.Token).GetAsync("/api/v1/me")).StatusCode);

        await people.SetActiveAsync(app.Admin, who.PersonId, active: false, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(token.Token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_database_holds_only_a_hash_and_the_list_shows_only_a_prefix()
    {
        var token = await app.NewApiTokenAsync(app.Otto);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id);
        Assert.NotEqual(token.Token, row.Hash);
        Assert.DoesNotContain(token.Token, row.Hash, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token.Token))), row.Hash);
        Assert.True(token.Token.Length > 40);

        var listed = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().MineAsync(app.Otto, CancellationToken.None);
        var mine = listed.Single(t => t.Id == token.Id);
        Assert.Equal(token.Token[..ApiToken.PrefixLength], mine.Prefix);
        Assert.DoesNotContain(listed, t => t.Prefix.Length >= token.Token.Length);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_open_the_api()
    {
        var browser = await app.SignedInAsync("Lea");
        var response = await browser.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_field_messages_and_a_stale_version_a_conflict()
    {
        var mia = await app.ApiClientAsync(app.Mia);
        var invalid = await mia.PostAsJsonAsync("/api/v1/requests", new { teamId = app.Product, title = "", details = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Title", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var notJson = await mia.PostAsync("/api/v1/requests", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);

        var lea = await app.ApiClientAsync(app.Lea);
        var stale = await lea.PostAsJsonAsync($"/api/v1/requests/{app.MiasRequest}/acknowledge", new { expectedVersion = 999 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var badPeriod = await lea.GetAsync($"/api/v1/dashboards/{app.Product}?from=2026-01-01&to=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        var unknownRoute = await lea.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        Assert.Equal("application/problem+json", unknownRoute.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_leader_answers_through_the_api_and_the_member_sees_it()
    {
        var mia = await app.ApiClientAsync(app.Mia);
        var created = await mia.PostAsJsonAsync("/api/v1/requests",
            new { teamId = app.Product, category = "Training", title = "Course budget", details = "Can I take the course?", urgency = "Low" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/requests/{id}", created.Headers.Location?.ToString());

        var lea = await app.ApiClientAsync(app.Lea);
        var inbox = await lea.GetFromJsonAsync<JsonElement>("/api/v1/requests/inbox");
        var item = inbox.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal("Open", item.GetProperty("status").GetString());

        var ack = await lea.PostAsJsonAsync($"/api/v1/requests/{id}/acknowledge", new { expectedVersion = item.GetProperty("version").GetInt32(), note = "On it." });
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);

        var detail = await mia.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{id}");
        Assert.Equal("Acknowledged", detail.GetProperty("status").GetString());
        var notifications = await mia.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true");
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(),
            n => n.GetProperty("link").GetString() == $"/requests/{id}" && n.GetProperty("text").GetString()!.Contains("acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_its_token()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/requests", paths);
        Assert.Contains("/api/v1/requests/{id}/acknowledge", paths);
        Assert.Contains("/api/v1/support", paths);
        Assert.Contains("/api/v1/check-ins", paths);
        Assert.Contains("/api/v1/dashboards/{teamId}", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("token");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }
}
