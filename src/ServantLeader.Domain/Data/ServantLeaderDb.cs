using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServantLeader.Domain.ApiTokens;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Domain.Data;

/// <summary>
/// The one database: the domain's tables beside Identity's. This type is the SQLite database and owns the SQLite
/// migrations; <see cref="PostgresServantLeaderDb"/> is the same model on PostgreSQL with its own migrations.
/// Services use this type either way.
/// </summary>
public class ServantLeaderDb : IdentityDbContext<IdentityUser>
{
    public ServantLeaderDb(DbContextOptions<ServantLeaderDb> options) : base(options) { }

    protected ServantLeaderDb(DbContextOptions options) : base(options) { }

    public DbSet<Person> People => Set<Person>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<SupportEntry> SupportEntries => Set<SupportEntry>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<CheckInComment> CheckInComments => Set<CheckInComment>();
    public DbSet<OneOnOne> OneOnOnes => Set<OneOnOne>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Credit> Credits => Set<Credit>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<FeedbackRound> FeedbackRounds => Set<FeedbackRound>();
    public DbSet<Participation> FeedbackParticipation => Set<Participation>();
    public DbSet<FeedbackResponse> FeedbackResponses => Set<FeedbackResponse>();
    public DbSet<FeedbackScore> FeedbackScores => Set<FeedbackScore>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<GrowthPlan> GrowthPlans => Set<GrowthPlan>();
    public DbSet<GrowthGoal> GrowthGoals => Set<GrowthGoal>();
    public DbSet<GrowthPlanEdit> GrowthPlanEdits => Set<GrowthPlanEdit>();
    public DbSet<GoalProgress> GoalProgress => Set<GoalProgress>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<SkillLevelChange> SkillLevelChanges => Set<SkillLevelChange>();
    public DbSet<PeerSupport> PeerSupport => Set<PeerSupport>();
    public DbSet<MentoringPair> MentoringPairs => Set<MentoringPair>();
    public DbSet<PeerRequest> PeerRequests => Set<PeerRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ServantLeaderDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns in SQL. Storing instants as UTC milliseconds
        // keeps every time query (inbox age, dashboard durations) in the database on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcMillisecondsConverter>();
    }

    private sealed class UtcMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}
