using System.Security.Claims;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Web.Api;

public sealed record GoalSetAside(int ExpectedVersion, string? Learned);

public sealed record GoalMadePublic(int ExpectedVersion, int TeamId);

public sealed record SkillConfirmation(int ExpectedVersion);

/// <summary>A change to a goal that carries nothing but the version it was read at.</summary>
public sealed record GoalChange(int ExpectedVersion);

/// <summary>
/// <c>/api/v1/growth</c>: one's own plan, goals and skills, and a leader's or mentor's read of someone's plan. The same
/// <see cref="GrowthPlans"/> and <see cref="Skills"/> the pages call, so the same reading rules: someone who may not
/// read a plan gets 404, as on the page.
/// </summary>
internal static class GrowthApi
{
    public static RouteGroupBuilder MapGrowthApi(this RouteGroupBuilder api)
    {
        var growth = api.MapGroup("/growth").WithTags("Growth");

        growth.MapGet("/plan", (ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) => plans.MineAsync(ApiEndpoints.Actor(user), ct))
            .Describe("getMyGrowthPlan", "Your own growth plan: ambition, strengths, goals and skills.",
                "exists is false until you first save something; version is then 0, the version the first save expects.");
        growth.MapPut("/plan", (WritePlan body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Respond(plans.WriteAsync(ApiEndpoints.Actor(user), body, ct))).Change().Versioned()
            .Describe("writeMyGrowthPlan", "Write your ambition and strengths.",
                "Send the plan's version you read as expectedVersion (0 before the first save); 409 if it changed since.");

        growth.MapPost("/goals", (GoalDraft body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Created("/api/v1/growth/goals", plans.AddGoalAsync(ApiEndpoints.Actor(user), body, ct))).Change()
            .Describe("addGrowthGoal", "Add a goal to your plan.",
                "what is required; why, evidence (how progress will show) and targetDate (from today on) are optional. "
                + "At most 20 active goals; 201 with its id.");
        growth.MapPut("/goals/{id:int}", (int id, GoalDraft body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Respond(plans.EditGoalAsync(ApiEndpoints.Actor(user), id, body, ct))).Change().Guarded().OfOne()
            .Describe("editGrowthGoal", "Change one of your goals.",
                "Send the goal's version you read as expectedVersion. 403 for a leader or mentor who may read it, 404 for anyone else.");
        growth.MapPost("/goals/{id:int}/achieve", (int id, GoalChange body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Respond(plans.AchieveAsync(ApiEndpoints.Actor(user), id, body.ExpectedVersion, ct))).Change().Guarded().OfOne()
            .Describe("achieveGrowthGoal", "Mark one of your active goals achieved.",
                "Recognised in private: your leaders are told you achieved a goal, not which. Make it public to share it.");
        growth.MapPost("/goals/{id:int}/set-aside", (int id, GoalSetAside body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Respond(plans.SetAsideAsync(ApiEndpoints.Actor(user), id, new SetGoalAside { ExpectedVersion = body.ExpectedVersion, Learned = body.Learned ?? "" }, ct)))
            .Change().Guarded().OfOne()
            .Describe("setGrowthGoalAside", "Set one of your active goals aside, saying what you learned.",
                "learned answers \"What did you learn?\" and is required.");
        growth.MapPost("/goals/{id:int}/resume", (int id, GoalChange body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Respond(plans.ResumeAsync(ApiEndpoints.Actor(user), id, body.ExpectedVersion, ct))).Change().Guarded().OfOne()
            .Describe("resumeGrowthGoal", "Take an achieved or set-aside goal up again.",
                "An achievement you made public stays achieved (400).");
        growth.MapPost("/goals/{id:int}/make-public", (int id, GoalMadePublic body, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            ApiEndpoints.Respond(plans.MakePublicAsync(ApiEndpoints.Actor(user), id, new MakeGoalPublic { ExpectedVersion = body.ExpectedVersion, TeamId = body.TeamId }, ct)))
            .Change().Guarded().OfOne()
            .Describe("makeGrowthGoalPublic", "Share an achieved goal with one of your teams.",
                "Its what shows on the team's page and the goal.achieved webhook is sent; nothing is sent while it is private.");

        growth.MapGet("/skills", (ClaimsPrincipal user, Skills skills, CancellationToken ct) => skills.MineAsync(ApiEndpoints.Actor(user), ct))
            .Describe("listMySkills", "Your skills, with the level you proposed and whether it is confirmed.",
                "Levels: Learning, Practising, CanTeach.");
        growth.MapPost("/skills", (AddSkill body, ClaimsPrincipal user, Skills skills, CancellationToken ct) =>
            ApiEndpoints.Created("/api/v1/growth/skills", skills.AddAsync(ApiEndpoints.Actor(user), body, ct))).Change()
            .Describe("addSkill", "Add a skill at the level you propose.",
                "One per skill name (case and spacing aside); your leaders are asked to confirm the level. 201 with its id.");
        growth.MapPut("/skills/{id:int}", (int id, ProposeSkillLevel body, ClaimsPrincipal user, Skills skills, CancellationToken ct) =>
            ApiEndpoints.Respond(skills.ProposeAsync(ApiEndpoints.Actor(user), id, body, ct))).Change().Guarded().OfOne()
            .Describe("proposeSkillLevel", "Propose another level for one of your skills.",
                "It shows as unconfirmed until a leader or your mentor confirms it. Send the skill's version as expectedVersion.");
        growth.MapDelete("/skills/{id:int}", (int id, ClaimsPrincipal user, Skills skills, CancellationToken ct) =>
            ApiEndpoints.Respond(skills.RemoveAsync(ApiEndpoints.Actor(user), id, ct))).OfOne()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Describe("removeSkill", "Remove one of your skills.", "403 for a leader or mentor who may read it, 404 for anyone else.");
        growth.MapPost("/skills/{id:int}/confirm", (int id, SkillConfirmation body, ClaimsPrincipal user, Skills skills, CancellationToken ct) =>
            ApiEndpoints.Respond(skills.ConfirmAsync(ApiEndpoints.Actor(user), id, body.ExpectedVersion, ct))).Change().Guarded().OfOne()
            .Describe("confirmSkillLevel", "Leaders and mentors: confirm the level a person proposed.",
                "For a leader of one of the person's teams or their active mentor; the person gets 403, anyone else 404.");

        growth.MapGet("/people/{personId:int}/plan", (int personId, ClaimsPrincipal user, GrowthPlans plans, CancellationToken ct) =>
            plans.ForPersonAsync(ApiEndpoints.Actor(user), personId, ct)).OfOne()
            .Describe("getPersonsGrowthPlan", "A person's plan, for a leader of theirs or a mentor they share it with.",
                "404 for anyone else, HR and Admins included: a plan's words are for the person, their leaders and their mentor.");
        return api;
    }
}
