using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CodeNumbersOnServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "code_number",
                table: "licence_bindings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "code_number",
                table: "errand_authorisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "code_number",
                table: "enterprises",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "code_number",
                table: "appointments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_licence_bindings_code_number",
                table: "licence_bindings",
                column: "code_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_errand_authorisations_code_number",
                table: "errand_authorisations",
                column: "code_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_code_number",
                table: "enterprises",
                column: "code_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appointments_code_number",
                table: "appointments",
                column: "code_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licence_bindings_code_number",
                table: "licence_bindings");

            migrationBuilder.DropIndex(
                name: "ix_errand_authorisations_code_number",
                table: "errand_authorisations");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_code_number",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_appointments_code_number",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "code_number",
                table: "licence_bindings");

            migrationBuilder.DropColumn(
                name: "code_number",
                table: "errand_authorisations");

            migrationBuilder.DropColumn(
                name: "code_number",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "code_number",
                table: "appointments");
        }
    }
}
