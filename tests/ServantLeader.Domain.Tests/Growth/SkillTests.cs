using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class SkillTests : OrganisationTests
{
    private Skills Skills => Db.Get<Skills>();

    private Task<int> AddAsync(Actor who, string name, SkillLevel level) =>
        Skills.AddAsync(who, new AddSkill { Name = name, Level = level }, default);

    private async Task<SkillView> SkillAsync(Actor who, int id) => (await Skills.MineAsync(who, default)).Single(s => s.Id == id);

    [Fact]
    public async Task A_skill_is_one_per_person_by_its_folded_name_with_the_message_at_the_name()
    {
        await AddAsync(Org.Mia, "C#", SkillLevel.Practising);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => AddAsync(Org.Mia, "  c# ", SkillLevel.CanTeach));
        var empty = await Assert.ThrowsAsync<RuleViolationException>(() => AddAsync(Org.Mia, "", (SkillLevel)7));

        Assert.Equal("You already have this skill. Change its level instead.", Assert.Single(error.Errors["Name"]));
        Assert.True(empty.Errors.ContainsKey("Name"));
        Assert.Equal("Choose a level.", Assert.Single(empty.Errors["Level"]));
        Assert.Single(await Skills.MineAsync(Org.Mia, default));
        await AddAsync(Org.Max, "C#", SkillLevel.Learning);
    }

    [Fact]
    public async Task Proposing_a_level_asks_the_persons_leaders_to_confirm_it()
    {
        var skill = await AddAsync(Org.Mia, "Facilitation", SkillLevel.Learning);
        await Skills.ProposeAsync(Org.Mia, skill, new ProposeSkillLevel { Level = SkillLevel.Practising, ExpectedVersion = 0 }, default);

        await using var db = Db.NewDb();
        var notes = await db.Notifications.Where(n => n.Kind == NotificationKind.SkillToConfirm).ToListAsync();
        Assert.Equal(4, notes.Count);
        Assert.Equal(new[] { Org.Lea.PersonId, Org.Colin.PersonId }.Order(), notes.Select(n => n.RecipientId).Distinct().Order());
        Assert.All(notes, n => Assert.Equal($"/growth/people/{Org.Mia.PersonId}", n.Link));
        Assert.Equal(SkillLevel.Practising, (await SkillAsync(Org.Mia, skill)).ProposedLevel);
    }

    [Fact]
    public async Task A_leader_or_an_active_mentor_confirms_the_level_and_nobody_else_does()
    {
        var skill = await AddAsync(Org.Pia, "Kubernetes", SkillLevel.Practising);
        await Db.MentorAsync(Org.Mia, Org.Pia, planShared: false);

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Skills.ConfirmAsync(Org.Pia, skill, 0, default));
        foreach (var stranger in new[] { Org.Lea, Org.Hr, Org.Admin, Org.Max })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Skills.ConfirmAsync(stranger, skill, 0, default));
        }
        await Skills.ConfirmAsync(Org.Mia, skill, 0, default);
        await Skills.ProposeAsync(Org.Pia, skill, new ProposeSkillLevel { Level = SkillLevel.CanTeach, ExpectedVersion = 1 }, default);
        Assert.False((await SkillAsync(Org.Pia, skill)).IsConfirmed);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Skills.ConfirmAsync(Org.Otto, skill, 1, default));
        await Skills.ConfirmAsync(Org.Otto, skill, 2, default);

        var confirmed = await SkillAsync(Org.Pia, skill);
        Assert.True(confirmed.IsConfirmed);
        Assert.Equal("Otto Other", confirmed.ConfirmedByName);
        await using var db = Db.NewDb();
        var changes = await db.SkillLevelChanges.OrderBy(c => c.Id).Select(c => new { c.FromLevel, c.ToLevel, c.ConfirmedById }).ToListAsync();
        Assert.Equal([(null, SkillLevel.Practising, Org.Mia.PersonId), (SkillLevel.Practising, SkillLevel.CanTeach, Org.Otto.PersonId)],
            changes.Select(c => (c.FromLevel, c.ToLevel, c.ConfirmedById)));
    }

    [Fact]
    public async Task Only_the_owner_changes_or_removes_a_skill()
    {
        var skill = await AddAsync(Org.Mia, "SQL", SkillLevel.Learning);

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Skills.RemoveAsync(Org.Lea, skill, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Skills.RemoveAsync(Org.Hr, skill, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Skills.ProposeAsync(Org.Otto, skill,
            new ProposeSkillLevel { Level = SkillLevel.CanTeach }, default));
        await Skills.RemoveAsync(Org.Mia, skill, default);

        Assert.Empty(await Skills.MineAsync(Org.Mia, default));
    }

    [Fact]
    public async Task The_matrix_lines_up_members_by_skill_and_says_who_can_teach_and_who_is_learning()
    {
        var miaSql = await AddAsync(Org.Mia, "SQL", SkillLevel.CanTeach);
        await AddAsync(Org.Max, "sql", SkillLevel.Learning);
        await AddAsync(Org.Max, "Testing", SkillLevel.Practising);
        await AddAsync(Org.Pia, "SQL", SkillLevel.CanTeach);   // another team: not in Product's matrix
        await Skills.ConfirmAsync(Org.Lea, miaSql, 0, default);

        var matrix = await Skills.MatrixAsync(Org.Lea, Org.Product, default);

        Assert.Equal(["Max Member", "Mia Member"], matrix.Members.Select(m => m.Name));
        Assert.Equal(["sql", "testing"], matrix.Skills.Select(s => s.Key));
        var sql = matrix.Skills[0];
        Assert.Equal(2, sql.People);
        Assert.Equal([(Org.Mia.PersonId, true)], sql.CanTeach.Select(h => (h.PersonId, h.Confirmed)));
        Assert.Equal([(Org.Max.PersonId, false)], sql.Learning.Select(h => (h.PersonId, h.Confirmed)));
        Assert.Empty(matrix.Skills[1].CanTeach);
        Assert.Equal(new MatrixCell(Org.Mia.PersonId, "sql", SkillLevel.CanTeach, true), matrix.Cell(Org.Mia.PersonId, "sql"));
        Assert.Null(matrix.Cell(Org.Mia.PersonId, "testing"));
        Assert.Equal(3, matrix.Cells.Count);
    }

    [Fact]
    public async Task Only_a_leader_of_the_team_opens_its_matrix()
    {
        Assert.Equal(["Product"], (await Skills.TeamsAsync(Org.Lea, default)).Select(t => t.Name));
        Assert.Empty(await Skills.TeamsAsync(Org.Hr, default));

        foreach (var other in new[] { Org.Mia, Org.Otto, Org.Hr, Org.Admin })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Skills.MatrixAsync(other, Org.Product, default));
        }
        await Db.DeactivateAsync(Org.Colin);
        await Assert.ThrowsAsync<NotFoundException>(() => Skills.MatrixAsync(Org.Colin, Org.Product, default));
    }
}
