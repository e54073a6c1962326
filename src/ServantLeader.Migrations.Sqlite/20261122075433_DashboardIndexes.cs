using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServantLeader.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportEntries_MemberId_Date",
                table: "SupportEntries");

            migrationBuilder.DropIndex(
                name: "IX_SupportEntries_TeamId_Date",
                table: "SupportEntries");

            migrationBuilder.DropIndex(
                name: "IX_Credits_TeamId_CreatedAt",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_RequestId",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_TeamId_PeriodDue_Status",
                table: "CheckIns");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEntries_Date_TeamId_MemberId_Minutes_RequestId",
                table: "SupportEntries",
                columns: new[] { "Date", "TeamId", "MemberId", "Minutes", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportEntries_MemberId_TeamId_Date",
                table: "SupportEntries",
                columns: new[] { "MemberId", "TeamId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportEntries_TeamId_Date_MemberId_Minutes_RequestId_Category",
                table: "SupportEntries",
                columns: new[] { "TeamId", "Date", "MemberId", "Minutes", "RequestId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_CreatedAt_TeamId_Status_RequesterId_Rating_AcknowledgedAt_ResolvedAt",
                table: "ServiceRequests",
                columns: new[] { "CreatedAt", "TeamId", "Status", "RequesterId", "Rating", "AcknowledgedAt", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Status_TeamId",
                table: "ServiceRequests",
                columns: new[] { "Status", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_TeamId_CreatedAt_Status_RequesterId_Rating_AcknowledgedAt_ResolvedAt",
                table: "ServiceRequests",
                columns: new[] { "TeamId", "CreatedAt", "Status", "RequesterId", "Rating", "AcknowledgedAt", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Credits_CreatedAt_TeamId_GiverId_ReceiverId",
                table: "Credits",
                columns: new[] { "CreatedAt", "TeamId", "GiverId", "ReceiverId" });

            migrationBuilder.CreateIndex(
                name: "IX_Credits_TeamId_CreatedAt_GiverId_ReceiverId",
                table: "Credits",
                columns: new[] { "TeamId", "CreatedAt", "GiverId", "ReceiverId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_LinkedBlockers",
                table: "CheckIns",
                column: "RequestId",
                filter: "\"RequestId\" IS NOT NULL AND \"Challenges\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_OpenBlockers",
                table: "CheckIns",
                columns: new[] { "TeamId", "MemberId", "SubmittedAt" },
                filter: "\"Status\" = 'Submitted' AND \"Challenges\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_Participation",
                table: "CheckIns",
                columns: new[] { "TeamId", "MemberId", "PeriodDue", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PeriodDue_TeamId_Status_Pulse_MemberId",
                table: "CheckIns",
                columns: new[] { "PeriodDue", "TeamId", "Status", "Pulse", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_SubmittedAt_TeamId_ReviewedAt_MemberId",
                table: "CheckIns",
                columns: new[] { "SubmittedAt", "TeamId", "ReviewedAt", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_TeamId_PeriodDue_Status_Pulse_MemberId",
                table: "CheckIns",
                columns: new[] { "TeamId", "PeriodDue", "Status", "Pulse", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_TeamId_SubmittedAt_ReviewedAt_MemberId",
                table: "CheckIns",
                columns: new[] { "TeamId", "SubmittedAt", "ReviewedAt", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportEntries_Date_TeamId_MemberId_Minutes_RequestId",
                table: "SupportEntries");

            migrationBuilder.DropIndex(
                name: "IX_SupportEntries_MemberId_TeamId_Date",
                table: "SupportEntries");

            migrationBuilder.DropIndex(
                name: "IX_SupportEntries_TeamId_Date_MemberId_Minutes_RequestId_Category",
                table: "SupportEntries");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_CreatedAt_TeamId_Status_RequesterId_Rating_AcknowledgedAt_ResolvedAt",
                table: "ServiceRequests");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_Status_TeamId",
                table: "ServiceRequests");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_TeamId_CreatedAt_Status_RequesterId_Rating_AcknowledgedAt_ResolvedAt",
                table: "ServiceRequests");

            migrationBuilder.DropIndex(
                name: "IX_Credits_CreatedAt_TeamId_GiverId_ReceiverId",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_Credits_TeamId_CreatedAt_GiverId_ReceiverId",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_LinkedBlockers",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_OpenBlockers",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_Participation",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_PeriodDue_TeamId_Status_Pulse_MemberId",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_SubmittedAt_TeamId_ReviewedAt_MemberId",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_TeamId_PeriodDue_Status_Pulse_MemberId",
                table: "CheckIns");

            migrationBuilder.DropIndex(
                name: "IX_CheckIns_TeamId_SubmittedAt_ReviewedAt_MemberId",
                table: "CheckIns");

            migrationBuilder.CreateIndex(
                name: "IX_SupportEntries_MemberId_Date",
                table: "SupportEntries",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportEntries_TeamId_Date",
                table: "SupportEntries",
                columns: new[] { "TeamId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Credits_TeamId_CreatedAt",
                table: "Credits",
                columns: new[] { "TeamId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_RequestId",
                table: "CheckIns",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_TeamId_PeriodDue_Status",
                table: "CheckIns",
                columns: new[] { "TeamId", "PeriodDue", "Status" });
        }
    }
}
