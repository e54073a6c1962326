using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServantLeader.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnonymousFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    OpenQuestion = table.Column<string>(type: "TEXT", maxLength: 1920, nullable: true),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRounds", x => x.Id);
                    table.CheckConstraint("CK_FeedbackRounds_Dates", "\"ClosesOn\" >= \"OpensOn\"");
                    table.CheckConstraint("CK_FeedbackRounds_MinResponses", "\"MinResponses\" >= 3");
                    table.ForeignKey(
                        name: "FK_FeedbackRounds_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstrumentItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1920, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstrumentItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstrumentItems_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackParticipation",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSelfView = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasAnswered = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackParticipation", x => new { x.RoundId, x.RespondentId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_FeedbackParticipation_FeedbackRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FeedbackRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackParticipation_People_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackParticipation_People_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSelfView = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_FeedbackRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FeedbackRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_People_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRoundTeams",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRoundTeams", x => new { x.RoundId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_FeedbackRoundTeams_FeedbackRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FeedbackRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackRoundTeams_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackScores",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackScores", x => new { x.ResponseId, x.ItemId });
                    table.CheckConstraint("CK_FeedbackScores_Score", "\"Score\" BETWEEN 1 AND 7");
                    table.ForeignKey(
                        name: "FK_FeedbackScores_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackScores_InstrumentItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "InstrumentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackParticipation_RespondentId_HasAnswered",
                table: "FeedbackParticipation",
                columns: new[] { "RespondentId", "HasAnswered" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackParticipation_SubjectId",
                table: "FeedbackParticipation",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_RoundId_SubjectId_IsSelfView",
                table: "FeedbackResponses",
                columns: new[] { "RoundId", "SubjectId", "IsSelfView" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_SubjectId",
                table: "FeedbackResponses",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRounds_InstrumentId",
                table: "FeedbackRounds",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRoundTeams_TeamId",
                table: "FeedbackRoundTeams",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackScores_ItemId",
                table: "FeedbackScores",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_InstrumentItems_InstrumentId_Order",
                table: "InstrumentItems",
                columns: new[] { "InstrumentId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Name",
                table: "Instruments",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackParticipation");

            migrationBuilder.DropTable(
                name: "FeedbackRoundTeams");

            migrationBuilder.DropTable(
                name: "FeedbackScores");

            migrationBuilder.DropTable(
                name: "FeedbackResponses");

            migrationBuilder.DropTable(
                name: "InstrumentItems");

            migrationBuilder.DropTable(
                name: "FeedbackRounds");

            migrationBuilder.DropTable(
                name: "Instruments");
        }
    }
}
