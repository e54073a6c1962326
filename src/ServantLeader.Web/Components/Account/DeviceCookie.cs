using Microsoft.AspNetCore.DataProtection;
using ServantLeader.Domain.Account;

namespace ServantLeader.Web.Components.Account;

/// <summary>
/// The device cookie of OWASP's "slow down online guessing" design: after a successful sign-in the browser gets a
/// signed, encrypted cookie naming the account and a random device id. With it, that browser is limited by its own
/// failures only, so strangers exhausting the account's budget never lock the owner out of a browser they have used.
/// One account per browser (the latest to sign in); it lasts a year.
/// </summary>
internal sealed class DeviceCookie(IDataProtectionProvider protection, IWebHostEnvironment environment)
{
    public const string Name = "servantleader.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ServantLeader.SignIn.DeviceCookie").ToTimeLimitedDataProtector();

    public SignInOrigin OriginOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return new SignInOrigin(address);
        }
        try
        {
            var parts = _protector.Unprotect(value).Split('\n');
            return parts.Length == 2 ? new SignInOrigin(address, parts[0], parts[1]) : new SignInOrigin(address);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Forged, expired, or made with keys this app no longer has: simply an unknown browser.
            return new SignInOrigin(address);
        }
    }

    public void Issue(HttpContext context, string account)
    {
        var device = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(Name, _protector.Protect(account + "\n" + device, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment() || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/account",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
