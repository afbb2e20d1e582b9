using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Hardening2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "health_data_imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by",
                table: "health_data_imports",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region_code",
                table: "health_data_imports",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "health_data_imports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Applied");

            migrationBuilder.CreateTable(
                name: "health_data_import_staged_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    line = table.Column<long>(type: "bigint", nullable: false),
                    payload = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_data_import_staged_rows", x => x.id);
                });

            // Data move (hand-written): rejected rows stored before this release keep the raw line with the full document
            // number. They cannot be masked in portable SQL, so they are deleted; the imports keep their counts.
            migrationBuilder.Sql("DELETE FROM health_data_import_rejections;");

            migrationBuilder.CreateIndex(
                name: "ix_health_data_imports_status",
                table: "health_data_imports",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_health_data_import_staged_rows_import_id_line",
                table: "health_data_import_staged_rows",
                columns: new[] { "import_id", "line" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_data_import_staged_rows");

            migrationBuilder.DropIndex(
                name: "ix_health_data_imports_status",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "decided_by",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "region_code",
                table: "health_data_imports");

            migrationBuilder.DropColumn(
                name: "status",
                table: "health_data_imports");
        }
    }
}
