using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using ServantLeader.Domain.Common;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Hosting;

internal static class IdentitySetup
{
    public const string HrPolicy = "HR";
    public const string AdminPolicy = "Admin";
    public const string HrOrAdminPolicy = "HR or Admin";

    public static WebApplicationBuilder AddServantLeaderIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        // The domain registers Identity's user store; the web adds signing in and the person claims.
        new IdentityBuilder(typeof(IdentityUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PersonClaimsFactory>();

        var development = builder.Environment.IsDevelopment();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "servantleader.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.HttpOnly = true);
        // How soon a changed role or a deactivation reaches requests made with an existing cookie.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "servantleader.af";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in person unless it says [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(PersonClaimsFactory.PersonId).Build())
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(PersonClaimsFactory.PersonId).Build())
            .AddPolicy(HrPolicy, p => p.RequireClaim(PersonClaimsFactory.PersonId).RequireRole(Actor.HrRole))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(PersonClaimsFactory.PersonId).RequireRole(Actor.AdminRole))
            .AddPolicy(HrOrAdminPolicy, p => p.RequireClaim(PersonClaimsFactory.PersonId).RequireRole(Actor.HrRole, Actor.AdminRole));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingPersonStateProvider>();
        services.AddScoped<CurrentActor>();
        return builder;
    }
}
