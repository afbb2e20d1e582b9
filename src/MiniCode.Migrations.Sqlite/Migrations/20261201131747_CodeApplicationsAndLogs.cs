using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CodeApplicationsAndLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily");

            migrationBuilder.DropPrimaryKey(
                name: "pk_code_statistics_daily",
                table: "code_statistics_daily");

            migrationBuilder.AddColumn<string>(
                name: "application_subject_ref",
                table: "posters",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "owner_application_id",
                table: "posters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "application",
                table: "code_usage_daily",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "application",
                table: "code_statistics_daily",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily",
                columns: new[] { "day", "code_type", "region_code", "metric", "application" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_code_statistics_daily",
                table: "code_statistics_daily",
                columns: new[] { "day", "code_type", "region_code", "metric", "application" });

            migrationBuilder.CreateTable(
                name: "code_applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key_hint = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    generate_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    generate_categories = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    verify_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    verify_categories = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    sees_masked_name = table.Column<bool>(type: "INTEGER", nullable: false),
                    sees_portrait = table.Column<bool>(type: "INTEGER", nullable: false),
                    per_minute = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    key_issued_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "code_event_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    code_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    application = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_event_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posters_owner_application_id_application_subject_ref",
                table: "posters",
                columns: new[] { "owner_application_id", "application_subject_ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_code_applications_key_hash",
                table: "code_applications",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_code_applications_name",
                table: "code_applications",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_code_applications_region_code",
                table: "code_applications",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_code_event_records_kind_at",
                table: "code_event_records",
                columns: new[] { "kind", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_code_event_records_person_id_at",
                table: "code_event_records",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_code_event_records_region_code",
                table: "code_event_records",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_applications");

            migrationBuilder.DropTable(
                name: "code_event_records");

            migrationBuilder.DropIndex(
                name: "ix_posters_owner_application_id_application_subject_ref",
                table: "posters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily");

            migrationBuilder.DropPrimaryKey(
                name: "pk_code_statistics_daily",
                table: "code_statistics_daily");

            migrationBuilder.DropColumn(
                name: "application_subject_ref",
                table: "posters");

            migrationBuilder.DropColumn(
                name: "owner_application_id",
                table: "posters");

            migrationBuilder.DropColumn(
                name: "application",
                table: "code_usage_daily");

            migrationBuilder.DropColumn(
                name: "application",
                table: "code_statistics_daily");

            migrationBuilder.AddPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily",
                columns: new[] { "day", "code_type", "region_code", "metric" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_code_statistics_daily",
                table: "code_statistics_daily",
                columns: new[] { "day", "code_type", "region_code", "metric" });
        }
    }
}
