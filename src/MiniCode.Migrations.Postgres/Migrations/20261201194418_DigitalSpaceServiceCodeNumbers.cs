using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DigitalSpaceServiceCodeNumbers : Migration
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

            migrationBuilder.CreateTable(
                name: "tag_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    submitted_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    accepted_rows = table.Column<int>(type: "integer", nullable: false),
                    rejected_rows = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tag_kinds",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basis_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    basis_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    retention_days = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    linked_categories = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    disclosed_to_applications = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    rule_risk_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_kinds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tag_import_rejections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    line = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    raw = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_import_rejections", x => x.id);
                    table.ForeignKey(
                        name: "fk_tag_import_rejections_tag_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "tag_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind_id = table.Column<long>(type: "bigint", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_id = table.Column<long>(type: "bigint", nullable: false),
                    basis_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    basis_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    consent_id = table.Column<long>(type: "bigint", nullable: true),
                    attached_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    attached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_tags_tag_kinds_kind_id",
                        column: x => x.kind_id,
                        principalTable: "tag_kinds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tag_objections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tag_id = table.Column<long>(type: "bigint", nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_tag_objections_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "ix_tag_import_rejections_import_id",
                table: "tag_import_rejections",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_tag_imports_region_code",
                table: "tag_imports",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_tag_kinds_name",
                table: "tag_kinds",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tag_objections_person_id",
                table: "tag_objections",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_tag_objections_tag_id",
                table: "tag_objections",
                column: "tag_id",
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_tags_expires_at",
                table: "tags",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_tags_kind_id_subject_kind_subject_id",
                table: "tags",
                columns: new[] { "kind_id", "subject_kind", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tags_subject_kind_subject_id",
                table: "tags",
                columns: new[] { "subject_kind", "subject_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tag_import_rejections");

            migrationBuilder.DropTable(
                name: "tag_objections");

            migrationBuilder.DropTable(
                name: "tag_imports");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "tag_kinds");

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
