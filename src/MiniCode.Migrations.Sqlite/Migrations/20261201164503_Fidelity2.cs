using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Fidelity2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "parent_id",
                table: "sites",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sites_parent_id",
                table: "sites",
                column: "parent_id");

            migrationBuilder.AddForeignKey(
                name: "fk_sites_sites_parent_id",
                table: "sites",
                column: "parent_id",
                principalTable: "sites",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_sites_sites_parent_id",
                table: "sites");

            migrationBuilder.DropIndex(
                name: "ix_sites_parent_id",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "sites");
        }
    }
}
