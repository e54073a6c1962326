using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.ApiTokens;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Live;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Demo;
using ServantLeader.Domain.People;
using ServantLeader.Domain.People.Import;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Account;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// The database, Identity's user store, and the services the UI calls. Services create a short-lived
    /// DbContext per operation: a Blazor circuit lives for minutes, a DbContext should not.
    /// </summary>
    public static IServiceCollection AddServantLeaderDomain(this IServiceCollection services, string connectionString,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresServantLeaderDb>(o => o.UseServantLeaderPostgres(connectionString));
            // Services and Identity ask for the common type; on PostgreSQL they get the PostgreSQL context.
            services.AddSingleton<IDbContextFactory<ServantLeaderDb>>(sp =>
                new CommonFactory<PostgresServantLeaderDb>(sp.GetRequiredService<IDbContextFactory<PostgresServantLeaderDb>>()));
            services.AddScoped<ServantLeaderDb>(sp => sp.GetRequiredService<PostgresServantLeaderDb>());
        }
        else
        {
            services.AddDbContextFactory<ServantLeaderDb>(o => o.UseServantLeaderSqlite(connectionString));
        }
        return services.AddServantLeaderServices();
    }

    private sealed class CommonFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ServantLeaderDb>
        where TContext : ServantLeaderDb
    {
        public ServantLeaderDb CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>The services without a database registration, for hosts that register their own.</summary>
    public static IServiceCollection AddServantLeaderServices(this IServiceCollection services)
    {
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ServantLeaderDb>()
            .AddDefaultTokenProviders();

        // Password-reset tokens are protected data; hosts choose where the keys live.
        services.AddDataProtection();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RequestService>();
        services.AddScoped<SupportService>();
        services.AddScoped<TeamService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<CheckInWriting>();
        services.AddScoped<CheckInReview>();
        services.AddScoped<CheckInReminders>();
        services.AddScoped<CheckInParticipationReport>();
        services.AddScoped<OneOnOneService>();
        services.AddScoped<GoalChoices>();
        services.AddScoped<GrowthConversations>();
        // Hosts bind the section; a value outside 1–52 stops the start rather than quietly hiding or flooding the list.
        services.AddOptions<GrowthOptions>().Validate(o => o.IsValid, GrowthOptions.InvalidMessage).ValidateOnStart();
        services.AddScoped<CreditService>();
        services.AddScoped<GrowthPlans>();
        services.AddScoped<Skills>();
        services.AddScoped<Growth.PeerSupportLog>();
        services.AddScoped<Growth.Mentoring>();
        services.AddScoped<Growth.PeerRequests>();
        services.AddScoped<FeedbackRounds>();
        services.AddScoped<FeedbackAnswering>();
        services.AddScoped<FeedbackResultsReport>();
        // One per process: held answers must outlive the circuit (and the scope) that sent them.
        services.AddSingleton<FeedbackBatches>();
        services.AddScoped<DashboardService>();
        services.AddOptions<AcknowledgeTargetOptions>().Validate(o => o.IsValid, AcknowledgeTargetOptions.InvalidMessage).ValidateOnStart();
        services.AddOptions<FairnessOptions>().Validate(o => o.IsValid, FairnessOptions.InvalidMessage).ValidateOnStart();
        services.AddScoped<GrowthFiguresService>();
        services.AddScoped<ServantLeader.Domain.Growth.OrgPicture>();
        services.AddMemoryCache();
        services.AddSingleton<TeamActivity>();
        services.AddSingleton<NotificationSignal>();
        services.AddScoped<NotificationFeed>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<WebhookService>();
        services.AddScoped<OrgChartImport>();
        services.AddOptions<WebhookOptions>();
        services.AddSingleton<WebhookDestinations>();
        // Redirects are not followed: a receiver cannot bounce a signed delivery somewhere the Admin did not register.
        // Every connection is made by WebhookDestinations, which refuses addresses inside the server's network; no
        // proxy, since through one the address actually reached could not be checked.
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new System.Net.Http.SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookDestinations>().ConnectAsync,
            });
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddScoped<DemoOrganisation>();
        services.AddOptions<SignInLimits>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInGate>();
        services.AddScoped<SignInSessions>();
        return services;
    }
}
