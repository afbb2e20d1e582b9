using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EncryptionAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "answers",
                table: "form_submissions",
                type: "character varying(30000)",
                maxLength: 30000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000);

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_submitted_at",
                table: "form_submissions",
                column: "submitted_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_form_submissions_submitted_at",
                table: "form_submissions");

            migrationBuilder.AlterColumn<string>(
                name: "answers",
                table: "form_submissions",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30000)",
                oldMaxLength: 30000);
        }
    }
}
