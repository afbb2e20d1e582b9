using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NoTakeover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "proof",
                table: "household_relatives",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "None");
            // Relatives added before proofs existed: face-verified ones were proven by face, the others stay private.
            migrationBuilder.Sql("UPDATE household_relatives SET proof = CASE WHEN face_verified THEN 'Face' ELSE 'None' END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "proof",
                table: "household_relatives");
        }
    }
}
