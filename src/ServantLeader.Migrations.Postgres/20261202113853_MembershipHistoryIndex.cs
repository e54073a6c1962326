using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServantLeader.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MembershipHistoryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TeamId_Role_Since_Until_PersonId",
                table: "Memberships",
                columns: new[] { "TeamId", "Role", "Since", "Until", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Memberships_TeamId_Role_Since_Until_PersonId",
                table: "Memberships");
        }
    }
}
