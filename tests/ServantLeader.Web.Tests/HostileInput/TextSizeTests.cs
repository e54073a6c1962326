using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Data;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.HostileInput;

/// <summary>
/// A text that looks short can be large: the probe stored a 4 MB request body whose details counted as a few thousand
/// visible characters. Over real HTTP, the API refuses an oversized body before reading it, and a dense text that fits
/// in the body gets a field message; neither stores anything.
/// </summary>
[Trait("Area", "Security")]
[Trait("Area", "Trust")]
public sealed class TextSizeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_four_megabyte_request_is_refused_before_it_is_read_and_nothing_is_stored()
    {
        // 4,000 visible characters, each an "a" under a thousand stacked accents: about 4 MB of JSON.
        var details = string.Concat(Enumerable.Repeat("a" + new string('\u0301', 1_000), 4_000));
        var title = "Four megabytes " + Guid.NewGuid().ToString("N");
        var body = JsonSerializer.Serialize(new { teamId = app.Product, category = "Coaching", title, details });
        Assert.True(Encoding.UTF8.GetByteCount(body) > 4_000_000);

        var response = await (await app.ApiClientAsync(app.Mia)).PostAsync("/api/v1/requests",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await StoredAsync(title));
    }

    [Fact]
    public async Task A_dense_text_within_the_body_limit_gets_a_message_on_its_field_and_nothing_is_stored()
    {
        // 2,500 visible characters (the limit is 4,000) made of 40,000 code points: more than the column holds.
        var details = string.Concat(Enumerable.Repeat("a" + string.Concat(Enumerable.Range(0x0300, 15).Select(c => (char)c)), 2_500));
        var title = "Dense " + Guid.NewGuid().ToString("N");

        var response = await (await app.ApiClientAsync(app.Mia)).PostAsJsonAsync("/api/v1/requests",
            new { teamId = app.Product, category = "Coaching", title, details });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("too long to store", errors.GetProperty("Details")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await StoredAsync(title));
    }

    [Fact]
    public async Task A_title_of_zero_width_characters_is_refused_as_empty()
    {
        var response = await (await app.ApiClientAsync(app.Mia)).PostAsJsonAsync("/api/v1/requests",
            new { teamId = app.Product, category = "Coaching", title = "\u200B\u200B\u2060", details = "Real words." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("only invisible characters", errors.GetProperty("Title")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<bool> StoredAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        return await db.ServiceRequests.AnyAsync(r => r.Title == title);
    }
}
