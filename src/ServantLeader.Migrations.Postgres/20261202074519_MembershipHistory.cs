using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServantLeader.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MembershipHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Memberships_TeamId_PersonId",
                table: "Memberships");

            migrationBuilder.AddColumn<string>(
                name: "EndedBecause",
                table: "Memberships",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Until",
                table: "Memberships",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeedKey",
                table: "Instruments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Deactivation now ends memberships. The day of earlier deactivations is not recorded, so they end today.
            migrationBuilder.Sql(@"UPDATE ""Memberships"" SET ""Until"" = CAST(EXTRACT(EPOCH FROM now()) * 1000 AS bigint), ""EndedBecause"" = 'Deactivated' WHERE ""PersonId"" IN (SELECT ""Id"" FROM ""People"" WHERE NOT ""IsActive"")");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TeamId_PersonId",
                table: "Memberships",
                columns: new[] { "TeamId", "PersonId" },
                unique: true,
                filter: "\"Until\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_SeedKey",
                table: "Instruments",
                column: "SeedKey",
                unique: true,
                filter: "\"SeedKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Memberships_TeamId_PersonId",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Instruments_SeedKey",
                table: "Instruments");

            migrationBuilder.DropColumn(
                name: "EndedBecause",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Until",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "SeedKey",
                table: "Instruments");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TeamId_PersonId",
                table: "Memberships",
                columns: new[] { "TeamId", "PersonId" },
                unique: true);
        }
    }
}
