using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Account;
using ServantLeader.Web.Components.Account;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Hosting;

internal static class IdentitySetup
{
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
            // In place of Identity's interval check: the stamp is compared on every request, so a cookie stops working
            // at the next request after its owner signs out, is deactivated or has a role changed.
            o.Events.OnValidatePrincipal = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
                var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                var principal = context.Principal;
                if (!await sessions.IsCurrentAsync(principal?.FindFirstValue(ClaimTypes.NameIdentifier), principal?.FindFirstValue(stampClaim),
                        context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.HttpOnly = true);
        services.Configure<SignInLimits>(builder.Configuration.GetSection(SignInLimits.Section));
        services.AddSingleton<DeviceCookie>();
        services.AddScoped<PasswordSignIn>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "servantleader.af";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in person unless it says [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(PersonClaims.PersonId).Build())
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(PersonClaims.PersonId).Build())
            .AddPolicy(Policies.Hr, p => p.RequireClaim(PersonClaims.PersonId).RequireRole(Actor.HrRole))
            .AddPolicy(Policies.Admin, p => p.RequireClaim(PersonClaims.PersonId).RequireRole(Actor.AdminRole))
            .AddPolicy(Policies.HrOrAdmin, p => p.RequireClaim(PersonClaims.PersonId).RequireRole(Actor.HrRole, Actor.AdminRole));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingPersonStateProvider>();
        services.AddScoped<CurrentActor>();
        return builder;
    }
}
