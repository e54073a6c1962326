using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Api;
using ServantLeader.Web.Tests.TestHost;
using ServantLeader.Web.Tests.Authorization;

namespace ServantLeader.Web.Tests.ApiTokens;

/// <summary>
/// The API answers exactly what <c>/openapi/v1.json</c> says. For every operation and every status the document
/// declares, a real request over HTTP (real tokens, real data) produces that status, and its body is validated against
/// the document's schema for that operation and status. The list of cases must cover the declared statuses exactly, so
/// a status added to the document without a case, or a case answering an undeclared status, fails.
/// </summary>
[Trait("Area", "Integrations")]
public sealed partial class OpenApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    private enum Who { NoToken, Member, OtherMember, Leader, Hr }

    /// <summary>How a case's request is made: who sends it, and what it sends.</summary>
    private enum Send { Good, BadRules, MalformedJson, NotJson, TooLarge, OverLimit, Stale }

    /// <summary>One declared status of one operation, and a request that must answer it.</summary>
    /// <param name="Query">Added to the address, for query values.</param>
    /// <param name="Names">A 400 that must name this parameter or field in its errors.</param>
    private sealed record Case(string Method, string Path, int Status, Who Who, Send Send = Send.Good, string Query = "", string? Names = null)
    {
        public override string ToString() => $"{Method} {Path}{Query} as {Who} ({Send}) → {Status}";
    }

    private const string Me = "/api/v1/me", Requests = "/api/v1/requests", Inbox = "/api/v1/requests/inbox",
        Request = "/api/v1/requests/{id}", Support = "/api/v1/support", Received = "/api/v1/support/received",
        CheckIns = "/api/v1/check-ins", ThisWeek = "/api/v1/check-ins/this-week", CheckIn = "/api/v1/check-ins/{id}",
        Dashboards = "/api/v1/dashboards", Dashboard = "/api/v1/dashboards/{teamId}",
        Growth = "/api/v1/dashboards/{teamId}/growth", Notifications = "/api/v1/notifications";

    private static readonly string[] Responses = ["acknowledge", "resolve", "decline", "reopen", "confirm"];

    private static readonly Case[] Cases = BuildCases().ToArray();

    private static IEnumerable<Case> BuildCases()
    {
        foreach (var path in new[] { Me, Requests, Inbox, Received, CheckIns, ThisWeek, Dashboards, Notifications })
        {
            yield return new("GET", path, 200, Who.Leader);
            yield return new("GET", path, 401, Who.NoToken);
        }
        foreach (var path in new[] { Request, CheckIn })
        {
            yield return new("GET", path, 200, Who.Member);
            yield return new("GET", path, 401, Who.NoToken);
            yield return new("GET", path, 404, Who.OtherMember);
        }
        yield return new("GET", Support, 200, Who.Leader, Query: "?take=200&skip=0");
        yield return new("GET", Support, 401, Who.NoToken);
        yield return new("GET", Support, 400, Who.Leader, Query: "?take=201", Names: "take");
        yield return new("GET", Support, 400, Who.Leader, Query: "?take=0", Names: "take");
        yield return new("GET", Support, 400, Who.Leader, Query: "?skip=-1", Names: "skip");
        yield return new("GET", Support, 400, Who.Leader, Query: "?take=many");
        yield return new("GET", Support, 400, Who.Leader, Query: "?category=Nonsense");
        yield return new("GET", Dashboard, 200, Who.Leader, Query: "?weeks=4");
        yield return new("GET", Dashboard, 200, Who.Hr, Query: "?weeks=52");
        yield return new("GET", Dashboard, 401, Who.NoToken);
        yield return new("GET", Dashboard, 404, Who.Member);
        yield return new("GET", Dashboard, 400, Who.Leader, Query: "?weeks=53", Names: "weeks");
        yield return new("GET", Dashboard, 400, Who.Leader, Query: "?weeks=3", Names: "weeks");
        yield return new("GET", Dashboard, 400, Who.Leader, Query: "?weeks=5", Names: "weeks");
        yield return new("GET", Dashboard, 400, Who.Leader, Query: "?weeks=abc");
        yield return new("GET", Dashboard, 400, Who.Leader, Query: "?from=2026-01-01&to=yesterday", Names: "to");
        yield return new("GET", Growth, 200, Who.Leader, Query: "?weeks=4");
        yield return new("GET", Growth, 200, Who.Hr, Query: "?weeks=52");
        yield return new("GET", Growth, 401, Who.NoToken);
        yield return new("GET", Growth, 404, Who.Member);
        yield return new("GET", Growth, 400, Who.Leader, Query: "?weeks=53", Names: "weeks");
        yield return new("GET", Growth, 400, Who.Leader, Query: "?weeks=5", Names: "weeks");
        yield return new("GET", Growth, 400, Who.Hr, Query: "?from=2026-01-02&to=2026-01-04", Names: "from");
        yield return new("GET", Notifications, 400, Who.Member, Query: "?unread=maybe");

        foreach (var (path, author) in new[] { (Requests, Who.Member), (Support, Who.Leader), (CheckIns, Who.Member) })
        {
            foreach (var c in Writes("POST", path, author, 201))
            {
                yield return c;
            }
        }
        yield return new("POST", CheckIns, 409, Who.Member, Send.Stale);
        foreach (var response in Responses)
        {
            var path = $"{Request}/{response}";
            var (actor, other) = response is "reopen" or "confirm" ? (Who.Member, Who.Leader) : (Who.Leader, Who.Member);
            foreach (var c in Writes("POST", path, actor, 204))
            {
                yield return c;
            }
            yield return new("POST", path, 403, other);
            yield return new("POST", path, 404, Who.OtherMember);
            yield return new("POST", path, 409, actor, Send.Stale);
        }
        foreach (var c in GrowthCases())
        {
            yield return c;
        }
    }

    /// <summary>What every change with a body can answer.</summary>
    private static IEnumerable<Case> Writes(string method, string path, Who who, int success) =>
    [
        new(method, path, success, who),
        new(method, path, 400, who, Send.BadRules),
        new(method, path, 400, who, Send.MalformedJson),
        new(method, path, 401, Who.NoToken),
        new(method, path, 413, who, Send.TooLarge),
        // No endpoint accepts a body that is not JSON, so the /api fallback answers.
        new(method, path, 404, who, Send.NotJson),
        new(method, path, 429, who, Send.OverLimit),
    ];

    public static TheoryData<int> CaseNumbers() => new(Enumerable.Range(0, Cases.Length));

    [Fact]
    public async Task The_cases_cover_every_declared_status_of_every_operation_and_no_other()
    {
        var document = await DocumentAsync();
        var declared = Operations(document)
            .SelectMany(o => o.Operation["responses"]!.AsObject().Select(r => $"{o.Method} {o.Path} {r.Key}"))
            .Order(StringComparer.Ordinal).ToList();
        var covered = Cases.Select(c => $"{c.Method} {c.Path} {c.Status}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declared, covered);
    }

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public async Task Each_declared_status_is_answered_as_the_document_describes_it(int number)
    {
        var c = Cases[number];
        var response = await SendAsync(c.Who == Who.NoToken ? app.Anonymous() : null, c);
        await AssertAnswersAsDeclaredAsync(c, response);
    }

    /// <summary>
    /// The bug: in Development (where the framework throws for a value it cannot bind) a malformed query value answered
    /// 500. It is 400 with a problem in every environment.
    /// </summary>
    [Theory]
    [InlineData(Dashboard, "?weeks=abc")]
    [InlineData(Notifications, "?unread=maybe")]
    [InlineData(Support, "?take=many")]
    [InlineData(Support, "?memberId=x&skip=1")]
    public async Task A_malformed_query_value_is_400_also_where_the_framework_throws_for_it(string path, string query)
    {
        var development = Derived(app, "throwing", s => s.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true));
        var c = new Case("GET", path, 400, Who.Leader, Query: query);
        var response = await SendAsync(await ClientAsync(development, app.Lea), c);
        await AssertAnswersAsDeclaredAsync(c, response);
    }

    [Fact]
    public async Task Every_status_the_authorization_matrix_sees_is_declared()
    {
        var document = await DocumentAsync();
        var declared = Operations(document)
            .SelectMany(o => o.Operation["responses"]!.AsObject().Select(r => $"{o.Method} {o.Path} {r.Key}"))
            .ToHashSet(StringComparer.Ordinal);
        var seen = ApiAuthorizationTests.Rows
            .SelectMany(r => r.Expected.Distinct().Select(s => $"{r.Method} {r.Route.Replace(":int", "", StringComparison.Ordinal)} {s}"));
        Assert.All(seen, s => Assert.Contains(s, declared));
    }

    [Fact]
    public async Task The_document_names_describes_and_bounds_everything()
    {
        var document = await DocumentAsync();
        Assert.NotNull(document["info"]?["contact"]?["name"]);
        Assert.False(string.IsNullOrWhiteSpace(document["info"]?["description"]?.GetValue<string>()));
        // Not taken from the request: this one asked for https://localhost.
        Assert.DoesNotContain("localhost", document["servers"]?.ToJsonString() ?? "", StringComparison.Ordinal);

        var operations = Operations(document).ToList();
        Assert.Equal(35, operations.Count);
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Distinct().Count());
        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method} {path}";
            foreach (var field in new[] { "operationId", "summary", "description" })
            {
                Assert.False(string.IsNullOrWhiteSpace(operation[field]?.GetValue<string>()), $"{name} has no {field}");
            }
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
            Assert.Contains("401", statuses);
            if (operation["requestBody"] is not null)
            {
                Assert.Superset(new HashSet<string> { "400", "404", "413", "429" }, statuses);
            }
            if (path.Contains('{', StringComparison.Ordinal))
            {
                Assert.Contains("404", statuses);
            }
            if (operation["parameters"]?.AsArray().Any(p => p!["in"]!.GetValue<string>() == "query") == true)
            {
                Assert.Contains("400", statuses);
            }
        }

        // Numbers are numbers: no schema anywhere says "integer or string".
        Assert.Empty(Schemas(document).Where(s => s["type"] is JsonArray types
            && types.Any(t => t!.GetValue<string>() == "string")
            && types.Any(t => t!.GetValue<string>() is "integer" or "number")).Select(s => s.ToJsonString()));

        Assert.Equal((0L, (long)int.MaxValue), Bounds(Support, "skip"));
        Assert.Equal((1L, (long)SupportLogFilter.MaxTake), Bounds(Support, "take"));
        Assert.Equal(((long)DashboardPeriod.PresetWeeks.Min(), (long)DashboardPeriod.PresetWeeks.Max()), Bounds(Dashboard, "weeks"));
        Assert.Equal(((long)DashboardPeriod.PresetWeeks.Min(), (long)DashboardPeriod.PresetWeeks.Max()), Bounds(Growth, "weeks"));

        (long, long) Bounds(string path, string parameter)
        {
            var schema = document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == parameter)!["schema"]!;
            return (schema["minimum"]!.GetValue<long>(), schema["maximum"]!.GetValue<long>());
        }
    }

    private async Task AssertAnswersAsDeclaredAsync(Case c, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(c.Status == (int)response.StatusCode, $"{c}: got {(int)response.StatusCode} {text}");

        var declared = (await DocumentAsync())["paths"]?[c.Path]?[c.Method.ToLowerInvariant()]?["responses"]?[c.Status.ToString(CultureInfo.InvariantCulture)];
        Assert.True(declared is not null, $"{c}: {c.Status} is not declared");
        if (declared["content"] is not JsonObject content)
        {
            Assert.Equal("", text);
            return;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var schema = content[mediaType]?["schema"];
        Assert.True(schema is not null, $"{c}: answered {mediaType}, declared {string.Join(", ", content.Select(m => m.Key))}");

        using var body = JsonDocument.Parse(text);
        var results = (await SchemaAsync(schema)).Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{c}: the body does not match its schema: "
            + string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")))
            + "\n" + text);
        if (c.Names is { } named)
        {
            Assert.Contains(named, body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
    }

    /// <summary>The request for one case, with the data it needs made first through the domain's own services.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient? client, Case c)
    {
        var actor = c.Who switch
        {
            Who.OtherMember => app.Pia,
            Who.Leader => app.Lea,
            Who.Hr => app.Hr,
            _ => app.Mia,
        };
        var factory = c.Send == Send.OverLimit ? Derived(app, "one write a minute", null, ("ServantLeader:RateLimits:ApiWritesPerMinute", "1")) : app;
        if (c.Send == Send.OverLimit || client is null)
        {
            // Over the limit: a token of its own, so that its first write spends the minute's one permit.
            client = c.Send == Send.OverLimit ? await ClientAsync(factory, actor) : await app.ApiClientAsync(actor);
        }

        var (path, body, sender) = await PrepareAsync(c);
        if (sender is not null)
        {
            client = await app.ApiClientAsync(sender);
        }
        HttpRequestMessage Message() => new(new HttpMethod(c.Method), path + c.Query)
        {
            Content = c.Method == "GET" ? null : c.Send switch
            {
                Send.MalformedJson => new StringContent("{ not json", Encoding.UTF8, "application/json"),
                Send.NotJson => new StringContent("expectedVersion=0", Encoding.UTF8, "text/plain"),
                Send.TooLarge => new ByteArrayContent(new byte[ApiEndpoints.MaxBodyBytes + 1]) { Headers = { ContentType = new("application/json") } },
                _ => JsonContent.Create(body),
            },
        };
        if (c.Send == Send.OverLimit)
        {
            using var first = await client.SendAsync(Message());
        }
        return await client.SendAsync(Message());
    }

    /// <returns>The address, the body, and who must send it when the case needs a person of its own.</returns>
    private async Task<(string Path, object? Body, Actor? Sender)> PrepareAsync(Case c)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stale = c.Send == Send.Stale;
        var broken = c.Send == Send.BadRules;
        if (c.Path.StartsWith(GrowthPaths, StringComparison.Ordinal))
        {
            return await PrepareGrowthAsync(c);
        }
        switch (c.Path)
        {
            case Request:
                return ($"/api/v1/requests/{app.MiasRequest}", null, null);
            case CheckIn:
                return ($"/api/v1/check-ins/{app.MiasCheckIn}", null, null);
            case Growth:
                return ($"/api/v1/dashboards/{app.Product}/growth", null, null);
            case Dashboard:
                return ($"/api/v1/dashboards/{app.Product}", null, null);
            case Requests when c.Method == "POST":
                return (c.Path, new { teamId = app.Product, category = "Coaching", title = broken ? "" : "Help via the API", details = "Details.", urgency = "Normal" }, null);
            case Support when c.Method == "POST":
                return (c.Path, new { memberId = app.Mia.PersonId, teamId = app.Product, category = "Coaching", minutes = broken ? 0 : 30, date = today, note = "Paired on the deploy." }, null);
            case CheckIns when c.Method == "POST" && c.Status == 201:
                // A new member's first check-in of the period, so that the case does not depend on Mia's.
                return (c.Path, new { teamId = app.Product, pulse = 4, wins = "Shipped.", expectedVersion = 0 }, await NewMemberAsync());
            case CheckIns when c.Method == "POST":
                // Mia's check-in for this period exists: a change must name the version it was read at.
                return (c.Path, new { teamId = app.Product, pulse = broken ? 0 : 4, expectedVersion = 999 }, null);
            case var p when !p.StartsWith(Request + "/", StringComparison.Ordinal):
                return (p, null, null);
        }

        // A change to a request: a fresh one of Mia's, in the state the change needs.
        await using var scope = app.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        var id = await requests.AskAsync(app.Mia, new AskForHelp
        {
            TeamId = app.Product, Category = SupportCategory.Coaching, Title = "Fresh request", Details = "For one contract case.",
        }, CancellationToken.None);
        var confirming = c.Path.EndsWith("/confirm", StringComparison.Ordinal);
        if (confirming || c.Path.EndsWith("/reopen", StringComparison.Ordinal))
        {
            await requests.ResolveAsync(app.Lea, new RespondToRequest { RequestId = id, ExpectedVersion = await VersionAsync(), Note = "Done." },
                CancellationToken.None);
        }
        var version = stale ? 999 : await VersionAsync();
        object body = confirming
            ? new { expectedVersion = version, rating = broken ? 9 : 4 }
            : new { expectedVersion = version, note = broken ? new string('x', 100_000) : "Because." };
        return (c.Path.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), body, null);

        async Task<int> VersionAsync() => (await requests.GetAsync(app.Lea, id, CancellationToken.None)).Version;
    }

    private async Task<Actor> NewMemberAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var name = "Contract " + Guid.NewGuid().ToString("N")[..8];
        var member = new Actor(await scope.ServiceProvider.GetRequiredService<PeopleService>().CreateAsync(app.Admin, new PersonDraft
        {
            DisplayName = name, Email = $"{name.Replace(' ', '.')}@example.org", Password = AppFactory.Password,
        }, CancellationToken.None));
        await scope.ServiceProvider.GetRequiredService<TeamService>()
            .SetMembershipAsync(app.Admin, app.Product, member.PersonId, TeamRole.Member, CancellationToken.None);
        return member;
    }

    // ---- the document and its schemas ----

    private static readonly ConcurrentDictionary<AppFactory, Task<JsonObject>> Documents = new();

    private Task<JsonObject> DocumentAsync() => Documents.GetOrAdd(app, async a =>
        (await a.Anonymous().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!);

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject())));

    /// <summary>Every schema object in the document, however deep.</summary>
    private static IEnumerable<JsonObject> Schemas(JsonNode? node) => node switch
    {
        JsonObject o => (o.ContainsKey("type") ? new[] { o } : []).Concat(o.SelectMany(p => Schemas(p.Value))),
        JsonArray a => a.SelectMany(Schemas),
        _ => [],
    };

    /// <summary>
    /// One response's schema as a JSON Schema document of its own: the document's <c>components/schemas</c> become its
    /// <c>$defs</c>, so that each <c>$ref</c> resolves inside it.
    /// </summary>
    private async Task<JsonSchema> SchemaAsync(JsonNode schema)
    {
        var document = await DocumentAsync();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        // A base address of its own for each, so that schemas built for different cases never meet in the registry.
        return JsonSchema.FromText(text, baseUri: new Uri($"https://servantleader.test/contract/{Guid.NewGuid():N}"));
    }

    // ---- apps and clients beside the shared one ----

    private static readonly ConcurrentDictionary<(AppFactory, string), WebApplicationFactory<Program>> DerivedApps = new();

    /// <summary>The same app and database with one setting changed, made once per test class.</summary>
    private static WebApplicationFactory<Program> Derived(AppFactory app, string name, Action<IServiceCollection>? services,
        params (string Key, string Value)[] settings) =>
        DerivedApps.GetOrAdd((app, name), _ => app.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            if (services is not null)
            {
                b.ConfigureServices(services);
            }
        }));

    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory, Actor who)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ServantLeader.Domain.ApiTokens.ApiTokenService>();
        // Each such client serves one case, and cases run one at a time: the earlier ones' tokens are done with, and a
        // person may hold only 10 at once.
        foreach (var used in (await tokens.MineAsync(who, CancellationToken.None)).Where(t => t.Name == "contract" && t.State == ServantLeader.Domain.ApiTokens.ApiTokenState.Active))
        {
            await tokens.RevokeAsync(who, used.Id, CancellationToken.None);
        }
        var token = await tokens.CreateAsync(who, new() { Name = "contract", Days = 30 }, CancellationToken.None);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return client;
    }
}
