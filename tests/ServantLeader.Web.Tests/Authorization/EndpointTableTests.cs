using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Authorization;

/// <summary>
/// Every endpoint the app maps is decided somewhere: a page in <see cref="AuthorizationMatrixTests"/>, an API route in
/// <c>ApiAuthorizationTests</c>, or one of the few others listed here with who may call them. A new endpoint in none
/// of the three fails this test.
/// </summary>
[Trait("Area", "Security")]
public sealed class EndpointTableTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Who { Anonymous, Member, Hr, Admin }

    // The endpoints that are neither pages nor /api/v1 routes. Expected status per caller (GET unless said).
    // Columns:                                                     Anonymous, Member, Hr, Admin
    private static readonly (string Method, string Route, int[] Expected)[] Others =
    [
        ("GET", "/dashboard/overview.csv", [302, 302, 200, 302]),
        ("GET", "/hr/overview.csv", [302, 302, 200, 302]),   // the old address, kept for saved links
        ("POST", "/account/logout", [400, 400, 400, 400]),   // no antiforgery token: refused for everyone
        ("GET", "/health/live", [200, 200, 200, 200]),
        ("GET", "/health/ready", [200, 200, 200, 200]),
        ("GET", "/openapi/{documentName}.json", [200, 200, 200, 200]),
    ];

    [Fact]
    public void Every_endpoint_is_in_one_of_the_tables()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [], Route: e.RoutePattern.RawText ?? ""))
            .Where(e => !e.Route.StartsWith("/api/", StringComparison.Ordinal)   // ApiAuthorizationTests lists these
                        && !e.Route.TrimStart('/').StartsWith('_')                // the framework's own (_framework, _content, _blazor)
                        && e.Route != "/api/{**rest}"
                        && e.Route != "{**path:file}")                               // static files from wwwroot, public by design
            .ToList();
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => r.Template).ToHashSet(StringComparer.Ordinal);
        var staticFiles = new[] { ".css", ".js", ".svg", ".png", ".ico", ".woff", ".woff2", ".ttf", ".map", ".json", ".br", ".gz", ".txt" };

        var undecided = endpoints
            .Where(e => !pages.Contains(e.Route))
            .Where(e => !Others.Any(o => o.Route == e.Route && (e.Methods.Count == 0 || e.Methods.Contains(o.Method))))
            .Where(e => !(e.Methods.All(m => m is "GET" or "HEAD") && staticFiles.Any(x => e.Route.EndsWith(x, StringComparison.Ordinal)) && !e.Route.Contains('{', StringComparison.Ordinal)))
            .Select(e => $"{string.Join(",", e.Methods)} {e.Route}")
            .Distinct()
            .ToList();

        Assert.True(undecided.Count == 0, "Endpoints with no row in any authorization table:\n" + string.Join('\n', undecided));
    }

    public static TheoryData<string, string, Who> Cases()
    {
        var data = new TheoryData<string, string, Who>();
        foreach (var (method, route, _) in Others)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(method, route, who);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_the_table_says(string method, string route, Who who)
    {
        var expected = Others.Single(o => o.Method == method && o.Route == route).Expected[(int)who];
        var client = who switch
        {
            Who.Anonymous => app.Anonymous(),
            Who.Member => await app.SignedInAsync("Mia"),
            Who.Hr => await app.SignedInAsync("Hr"),
            _ => await app.SignedInAsync("Admin"),
        };
        var path = route.Replace("{documentName}", "v1", StringComparison.Ordinal);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.True(expected == (int)response.StatusCode, $"{method} {path} as {who}: expected {expected}, got {(int)response.StatusCode}");
    }
}
