using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.People;
using ServantLeader.Web.Tests.TestHost;
using Xunit.Abstractions;

namespace ServantLeader.Web.Tests.Account;

/// <summary>
/// A benchmark-style measure of whether a failed sign-in's timing tells an existing address from an unknown one,
/// with the real password hasher's cost: the median of 30 failed sign-ins each, printed, without and with the floor.
/// The assertions are bounds a busy machine cannot break.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class SignInTimingTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const int Tries = 30;

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_take_about_the_same_time()
    {
        var (existing, unknown) = await MedianFailuresAsync(TimeSpan.Zero, "timing.nofloor@example.org");
        output.WriteLine($"Hasher only (no floor): median failed sign-in {existing:0} ms for an existing address, {unknown:0} ms for an unknown one ({Tries} each).");
        // Both run the same hash: the unknown one may not be less than half the existing one (it was 1/24 before).
        Assert.True(unknown >= existing / 2, $"existing {existing:0} ms, unknown {unknown:0} ms");

        var floor = TimeSpan.FromMilliseconds(500);
        var (existingFloored, unknownFloored) = await MedianFailuresAsync(floor, "timing.floor@example.org");
        output.WriteLine($"With the default 500 ms floor: median {existingFloored:0} ms existing, {unknownFloored:0} ms unknown ({Tries} each).");
        Assert.True(existingFloored >= floor.TotalMilliseconds && unknownFloored >= floor.TotalMilliseconds);
    }

    private async Task<(double Existing, double Unknown)> MedianFailuresAsync(TimeSpan floor, string email)
    {
        await using var factory = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("ServantLeader:SignIn:FailureFloor", floor.ToString());
            b.UseSetting("ServantLeader:SignIn:FailuresPerAccount", "100000");
            // The hasher's real cost (the shared test app uses one iteration to be quick).
            b.ConfigureTestServices(s =>
            {
                s.Configure<PasswordHasherOptions>(o => o.IterationCount = new PasswordHasherOptions().IterationCount);
                // Only so the same measure runs on the code before this change, which locked the account after 5 failures.
                s.Configure<IdentityOptions>(o => o.Lockout.MaxFailedAccessAttempts = 100_000);
            });
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeopleService>().CreateAsync(app.Admin,
                new PersonDraft { DisplayName = "Timing " + email, Email = email, Password = AppFactory.Password }, CancellationToken.None);
        }
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var fields = AppFactory.HiddenFields(await browser.GetStringAsync("/account/login"));
        fields["Input.Password"] = "wrong-password";

        // Warm-up, then alternate so a change in the machine's load falls on both sides alike.
        await PostAsync(browser, fields, "unknown.warmup@example.org");
        var existing = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            existing.Add(await PostAsync(browser, fields, email));
            unknown.Add(await PostAsync(browser, fields, $"nobody{i}@example.org"));
        }
        return (Median(existing), Median(unknown));
    }

    private static async Task<double> PostAsync(HttpClient browser, Dictionary<string, string> fields, string email)
    {
        fields["Input.Email"] = email;
        var clock = Stopwatch.StartNew();
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.Contains("don&#x27;t match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return (values[(values.Count - 1) / 2] + values[values.Count / 2]) / 2;
    }
}
