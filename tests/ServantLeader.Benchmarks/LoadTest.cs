using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServantLeader.Benchmarks;

/// <summary>
/// A bounded load test over real HTTP against a running app with the demo organisation. Usage:
///   dotnet run -c Release --project tests/ServantLeader.Benchmarks -- load [--url http://localhost:5080] [--users 50] [--requests 5000]
/// Each virtual user signs in through the sign-in form (antiforgery token and all) as one of the demo people, then
/// loads the main pages in turn until the bounded total is reached. Prints p50, p95 and p99 latency, the error count
/// and the throughput, for sign-in and for pages; the last line is one JSON object.
/// </summary>
internal static partial class LoadTest
{
    private static readonly string[] People =
        ["amara", "ben", "chloe", "dev", "lena", "marcus", "eva", "farid", "grace", "hugo", "priya", "isla", "jonas", "keiko", "luis", "hr"];

    private static readonly string[] Pages =
        ["/", "/requests", "/requests/inbox", "/check-ins/this-week", "/teams", "/dashboard", "/check-ins", "/support/received", "/notifications", "/one-on-ones"];

    public static async Task RunAsync(Uri url, int users, int requests)
    {
        Console.WriteLine($"Load test: {users} users, {requests:N0} page requests in all, against {url}");
        var signIns = new ConcurrentBag<double>();
        var pages = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var remaining = requests;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            var person = People[user % People.Length];
            try
            {
                var form = await http.GetStringAsync("/account/login");
                // The form's hidden fields (antiforgery token, form name) go back as they came.
                var fields = Hidden().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
                fields["Input.Email"] = $"{person}@demo.servantleader.local";
                fields["Input.Password"] = "serve-the-team";
                var started = Stopwatch.GetTimestamp();
                var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
                signIns.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    errors.Add($"sign-in as {person}: {(int)response.StatusCode}");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                errors.Add($"sign-in as {person}: {ex.GetType().Name}");
                return;
            }
            for (var n = user; Interlocked.Decrement(ref remaining) >= 0; n++)
            {
                var page = Pages[n % Pages.Length];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(page);
                    await response.Content.ReadAsByteArrayAsync();
                    pages.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.Add($"{page} as {person}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors.Add($"{page} as {person}: {ex.GetType().Name}");
                }
            }
        })));
        clock.Stop();

        static double P(IEnumerable<double> values, double q)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        }
        Console.WriteLine(FormattableString.Invariant(
            $"sign-in: {signIns.Count} in all, p50 {P(signIns, 0.50):0.0} ms, p95 {P(signIns, 0.95):0.0} ms, p99 {P(signIns, 0.99):0.0} ms"));
        Console.WriteLine(FormattableString.Invariant(
            $"pages:   {pages.Count:N0} in all, p50 {P(pages, 0.50):0.0} ms, p95 {P(pages, 0.95):0.0} ms, p99 {P(pages, 0.99):0.0} ms, {pages.Count / clock.Elapsed.TotalSeconds:0} per second"));
        Console.WriteLine($"errors:  {errors.Count}" + (errors.IsEmpty ? "" : " (first: " + errors.First() + ")"));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            users, requests = pages.Count, sign_ins = signIns.Count, errors = errors.Count,
            sign_in_p50_ms = Math.Round(P(signIns, 0.50), 1), sign_in_p95_ms = Math.Round(P(signIns, 0.95), 1), sign_in_p99_ms = Math.Round(P(signIns, 0.99), 1),
            page_p50_ms = Math.Round(P(pages, 0.50), 1), page_p95_ms = Math.Round(P(pages, 0.95), 1), page_p99_ms = Math.Round(P(pages, 0.99), 1),
            pages_per_s = Math.Round(pages.Count / clock.Elapsed.TotalSeconds, 0), seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        }));
        Environment.ExitCode = errors.IsEmpty ? 0 : 1;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
