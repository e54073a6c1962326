using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.People;
using ServantLeader.Domain.People.Import;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.People;

/// <summary>The probe from issue 13, end to end: the import as the page calls it, then the real API and sign-in over HTTP.</summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class SeparationOfDutiesHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Hr_importing_itself_as_a_leader_gets_its_line_refused_and_its_api_token_reads_nothing_more()
    {
        var hrApi = await app.ApiClientAsync(app.Hr);
        var file = Encoding.UTF8.GetBytes(
            "employee id,name,email,team,role,manager employee id\r\n" +
            $"H1,Hr,{AppFactory.Email("Hr")},Product,leader,\r\n" +
            "E9,Nia New,nia.new@example.org,Platform,member,\r\n");

        ImportPreview preview;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<OrgChartImport>();
            preview = await import.PreviewAsync(app.Hr, file, default);
            await import.ApplyAsync(app.Hr, file, preview.Fingerprint, default);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await hrApi.GetAsync($"/api/v1/requests/{app.MiasRequest}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hrApi.GetAsync($"/api/v1/check-ins/{app.MiasCheckIn}")).StatusCode);
        var inbox = await hrApi.GetStringAsync("/api/v1/requests/inbox");
        Assert.DoesNotContain(AppFactory.MiasRequestTitle, inbox, StringComparison.Ordinal);
        Assert.Contains(preview.Notes, n => n.StartsWith("Line 2 is about you", StringComparison.Ordinal));
        Assert.DoesNotContain(preview.Memberships, m => m.EmployeeId == "H1");
    }

    [Fact]
    public async Task A_password_reset_by_an_admin_is_shown_once_right_after_the_next_sign_in()
    {
        const string newPassword = "reset-by-the-admin-1";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeopleService>().UpdateAsync(app.Admin, app.Max.PersonId,
                new PersonDraft { DisplayName = "Max", Email = AppFactory.Email("Max"), Password = newPassword }, default);
        }

        var client = app.Anonymous();
        var first = await AppFactory.PostLoginAsync(client, AppFactory.Email("Max"), newPassword, "/requests");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("https://localhost/account/password-reset?returnUrl=%2Frequests", first.Headers.Location?.ToString());
        var notice = await client.GetStringAsync(first.Headers.Location);
        Assert.Contains("Adam Admin (Admin) reset your password", notice, StringComparison.Ordinal);
        Assert.Contains("href=\"/requests\"", notice, StringComparison.Ordinal);

        var again = await AppFactory.PostLoginAsync(app.Anonymous(), AppFactory.Email("Max"), newPassword, "/requests");
        Assert.Equal("https://localhost/requests", again.Headers.Location?.ToString());
        Assert.DoesNotContain("reset your password", await client.GetStringAsync("/account/password-reset"), StringComparison.Ordinal);
    }
}
