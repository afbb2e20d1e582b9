using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncryptionAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
