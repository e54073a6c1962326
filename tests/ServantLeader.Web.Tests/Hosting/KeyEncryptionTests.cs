using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

/// <summary>
/// With a certificate configured, the Data Protection keys in the database are stored encrypted to it, and an app
/// started later with the same certificate still reads the cookies they protect.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class KeyEncryptionTests : IDisposable
{
    private const string CertificatePassword = "test-certificate-password";
    private readonly string _root = FolderApp.NewFolder();

    public KeyEncryptionTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_restarted_app_still_reads_its_cookies()
    {
        var certificate = Path.Combine(_root, "keys.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedPfx());
        var database = Path.Combine(_root, "app.db");
        var settings = new Dictionary<string, string?>
        {
            ["ServantLeader:DataProtection:CertificatePath"] = certificate,
            ["ServantLeader:DataProtection:CertificatePassword"] = CertificatePassword,
        };

        string cookie;
        await using (var first = new FolderApp(database, settings))
        {
            await using (var scope = first.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PeopleService>()
                    .CreateFirstAdminAsync("Ada Admin", "ada@example.org", AppFactory.Password, CancellationToken.None);
            }
            var signedIn = await AppFactory.PostLoginAsync(first.Browser(), "ada@example.org", AppFactory.Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("servantleader.auth=", StringComparison.Ordinal)).Split(';')[0];

            await using var keys = first.Services.CreateAsyncScope();
            var stored = await keys.ServiceProvider.GetRequiredService<ServantLeaderDb>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            });
        }
        SqliteConnection.ClearAllPools();

        // A new process reads the ring from the database and needs the certificate to decrypt it.
        await using var second = new FolderApp(database, settings);
        var browser = second.Browser(cookies: false);
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    private static byte[] SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ServantLeader test key protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.Export(X509ContentType.Pfx, CertificatePassword);
    }
}
