using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServantLeader.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Growth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OneOnOnes_MemberId",
                table: "OneOnOnes");

            migrationBuilder.AddColumn<int>(
                name: "GoalId",
                table: "SupportEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsGrowthConversation",
                table: "OneOnOnes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HelpToGrow",
                table: "CheckIns",
                type: "TEXT",
                maxLength: 16000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "GoalId",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GrowthPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ambition = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrowthPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrowthPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentoringPairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MentorId = table.Column<int>(type: "INTEGER", nullable: false),
                    MenteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<int>(type: "INTEGER", nullable: false),
                    Focus = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlanShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_People_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_People_MentorId",
                        column: x => x.MentorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentoringPairs_People_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Skills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 480, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 480, nullable: false),
                    ProposedLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfirmedLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ConfirmedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Skills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Skills_People_ConfirmedById",
                        column: x => x.ConfirmedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Skills_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrowthGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Learned = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AchievedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SetAsideAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MadePublicAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublicTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrowthGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrowthGoals_GrowthPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "GrowthPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrowthGoals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrowthGoals_Teams_PublicTeamId",
                        column: x => x.PublicTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrowthPlanEdits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrowthPlanEdits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrowthPlanEdits_GrowthPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "GrowthPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrowthPlanEdits_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SkillLevelChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SkillId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ToLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedById = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillLevelChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkillLevelChanges_People_ConfirmedById",
                        column: x => x.ConfirmedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SkillLevelChanges_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SkillLevelChanges_Skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "Skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckInId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Movement = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalProgress_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalProgress_GrowthGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "GrowthGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalProgress_ServiceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AskerId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillId = table.Column<int>(type: "INTEGER", nullable: true),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerRequests_GrowthGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "GrowthGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PeerRequests_People_AskerId",
                        column: x => x.AskerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerRequests_People_PeerId",
                        column: x => x.PeerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerRequests_Skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "Skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PeerSupport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GiverId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceiverId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    SharedWithReceiver = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerSupport", x => x.Id);
                    table.CheckConstraint("CK_PeerSupport_Minutes", "\"Minutes\" BETWEEN 1 AND 1440");
                    table.ForeignKey(
                        name: "FK_PeerSupport_GrowthGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "GrowthGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PeerSupport_People_GiverId",
                        column: x => x.GiverId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerSupport_People_ReceiverId",
                        column: x => x.ReceiverId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerSupport_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportEntries_GoalId_Date",
                table: "SupportEntries",
                columns: new[] { "GoalId", "Date" },
                filter: "\"GoalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OneOnOnes_GrowthConversations",
                table: "OneOnOnes",
                columns: new[] { "MemberId", "HeldAt" },
                filter: "\"IsGrowthConversation\"");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_GoalId",
                table: "AgendaItems",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalProgress_CheckInId_GoalId",
                table: "GoalProgress",
                columns: new[] { "CheckInId", "GoalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalProgress_GoalId_Movement",
                table: "GoalProgress",
                columns: new[] { "GoalId", "Movement" });

            migrationBuilder.CreateIndex(
                name: "IX_GoalProgress_RequestId",
                table: "GoalProgress",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthGoals_AchievedAt_PersonId",
                table: "GrowthGoals",
                columns: new[] { "AchievedAt", "PersonId" },
                filter: "\"AchievedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthGoals_PersonId_State",
                table: "GrowthGoals",
                columns: new[] { "PersonId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_GrowthGoals_PlanId",
                table: "GrowthGoals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthGoals_PublicTeamId_MadePublicAt",
                table: "GrowthGoals",
                columns: new[] { "PublicTeamId", "MadePublicAt" },
                filter: "\"MadePublicAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthGoals_SetAsideAt_PersonId",
                table: "GrowthGoals",
                columns: new[] { "SetAsideAt", "PersonId" },
                filter: "\"SetAsideAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthPlanEdits_At_PersonId",
                table: "GrowthPlanEdits",
                columns: new[] { "At", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_GrowthPlanEdits_PersonId_At",
                table: "GrowthPlanEdits",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_GrowthPlanEdits_PlanId",
                table: "GrowthPlanEdits",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_GrowthPlans_PersonId",
                table: "GrowthPlans",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrowthPlans_UpdatedAt_PersonId",
                table: "GrowthPlans",
                columns: new[] { "UpdatedAt", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_Live",
                table: "MentoringPairs",
                columns: new[] { "MentorId", "MenteeId" },
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Active')");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_MenteeId_Status",
                table: "MentoringPairs",
                columns: new[] { "MenteeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_MentorId_Status",
                table: "MentoringPairs",
                columns: new[] { "MentorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_ProposedById",
                table: "MentoringPairs",
                column: "ProposedById");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPairs_StartedAt_EndedAt_MentorId",
                table: "MentoringPairs",
                columns: new[] { "StartedAt", "EndedAt", "MentorId" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerRequests_AskerId_Status",
                table: "PeerRequests",
                columns: new[] { "AskerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerRequests_GoalId",
                table: "PeerRequests",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerRequests_PeerId_Status",
                table: "PeerRequests",
                columns: new[] { "PeerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerRequests_SkillId",
                table: "PeerRequests",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupport_Date_TeamId_GiverId_ConfirmedAt",
                table: "PeerSupport",
                columns: new[] { "Date", "TeamId", "GiverId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupport_GiverId_Date",
                table: "PeerSupport",
                columns: new[] { "GiverId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupport_GoalId",
                table: "PeerSupport",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupport_ReceiverId_ConfirmedAt",
                table: "PeerSupport",
                columns: new[] { "ReceiverId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerSupport_TeamId_Date_GiverId_ReceiverId_Minutes_ConfirmedAt",
                table: "PeerSupport",
                columns: new[] { "TeamId", "Date", "GiverId", "ReceiverId", "Minutes", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillLevelChanges_At_PersonId_FromLevel_ToLevel",
                table: "SkillLevelChanges",
                columns: new[] { "At", "PersonId", "FromLevel", "ToLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillLevelChanges_ConfirmedById",
                table: "SkillLevelChanges",
                column: "ConfirmedById");

            migrationBuilder.CreateIndex(
                name: "IX_SkillLevelChanges_PersonId_At",
                table: "SkillLevelChanges",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillLevelChanges_SkillId",
                table: "SkillLevelChanges",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_Skills_ConfirmedById",
                table: "Skills",
                column: "ConfirmedById");

            migrationBuilder.CreateIndex(
                name: "IX_Skills_Key_ConfirmedLevel_PersonId",
                table: "Skills",
                columns: new[] { "Key", "ConfirmedLevel", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Skills_PersonId_Key",
                table: "Skills",
                columns: new[] { "PersonId", "Key" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_GrowthGoals_GoalId",
                table: "AgendaItems",
                column: "GoalId",
                principalTable: "GrowthGoals",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportEntries_GrowthGoals_GoalId",
                table: "SupportEntries",
                column: "GoalId",
                principalTable: "GrowthGoals",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_GrowthGoals_GoalId",
                table: "AgendaItems");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportEntries_GrowthGoals_GoalId",
                table: "SupportEntries");

            migrationBuilder.DropTable(
                name: "GoalProgress");

            migrationBuilder.DropTable(
                name: "GrowthPlanEdits");

            migrationBuilder.DropTable(
                name: "MentoringPairs");

            migrationBuilder.DropTable(
                name: "PeerRequests");

            migrationBuilder.DropTable(
                name: "PeerSupport");

            migrationBuilder.DropTable(
                name: "SkillLevelChanges");

            migrationBuilder.DropTable(
                name: "GrowthGoals");

            migrationBuilder.DropTable(
                name: "Skills");

            migrationBuilder.DropTable(
                name: "GrowthPlans");

            migrationBuilder.DropIndex(
                name: "IX_SupportEntries_GoalId_Date",
                table: "SupportEntries");

            migrationBuilder.DropIndex(
                name: "IX_OneOnOnes_GrowthConversations",
                table: "OneOnOnes");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_GoalId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "GoalId",
                table: "SupportEntries");

            migrationBuilder.DropColumn(
                name: "IsGrowthConversation",
                table: "OneOnOnes");

            migrationBuilder.DropColumn(
                name: "HelpToGrow",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "GoalId",
                table: "AgendaItems");

            migrationBuilder.CreateIndex(
                name: "IX_OneOnOnes_MemberId",
                table: "OneOnOnes",
                column: "MemberId");
        }
    }
}
