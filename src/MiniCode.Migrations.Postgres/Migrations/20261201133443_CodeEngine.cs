using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CodeEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_code_styles_code_type_active",
                table: "code_styles");

            migrationBuilder.RenameColumn(
                name: "code_type",
                table: "code_styles",
                newName: "category");

            migrationBuilder.AddColumn<string>(
                name: "color",
                table: "code_styles",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            // Data move: styles were keyed by colour ("green" …) or by "offline"/"poster"; now by category and colour.
            migrationBuilder.Sql("UPDATE code_styles SET color = category WHERE category IN ('green', 'yellow', 'orange', 'red');");
            migrationBuilder.Sql("UPDATE code_styles SET category = 'personal' WHERE category IN ('green', 'yellow', 'orange', 'red', 'offline');");

            migrationBuilder.CreateTable(
                name: "code_categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    built_in = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "code_number_counters",
                columns: table => new
                {
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    next_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_number_counters", x => x.category);
                });

            migrationBuilder.CreateTable(
                name: "code_numbers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_numbers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "code_issuers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    prefix = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    key_source = table.Column<int>(type: "integer", nullable: false),
                    jwks_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    jwks_document = table.Column<string>(type: "text", nullable: true),
                    keys_fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_fetch_error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_issuers", x => x.id);
                    table.ForeignKey(
                        name: "fk_code_issuers_code_categories_category",
                        column: x => x.category,
                        principalTable: "code_categories",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "code_number_rules",
                columns: table => new
                {
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    include_region = table.Column<bool>(type: "boolean", nullable: false),
                    date_part = table.Column<int>(type: "integer", nullable: false),
                    sequence_width = table.Column<int>(type: "integer", nullable: false),
                    check = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_number_rules", x => x.category);
                    table.ForeignKey(
                        name: "fk_code_number_rules_code_categories_category",
                        column: x => x.category,
                        principalTable: "code_categories",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "code_categories",
                columns: new[] { "code", "built_in", "created_at", "description", "name" },
                values: new object[,]
                {
                    { "appointment", true, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, "预约码" },
                    { "authorisation", true, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, "授权码" },
                    { "enterprise", true, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, "企业码" },
                    { "licence", true, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, "证照码" },
                    { "personal", true, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, "个人码" },
                    { "poster", true, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null, "张贴码" }
                });

            migrationBuilder.InsertData(
                table: "code_number_rules",
                columns: new[] { "category", "check", "date_part", "include_region", "prefix", "sequence_width", "updated_at" },
                values: new object[,]
                {
                    { "appointment", 1, 0, true, "YY", 8, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) },
                    { "authorisation", 1, 0, true, "SQ", 8, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) },
                    { "enterprise", 1, 0, true, "QY", 8, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) },
                    { "licence", 1, 0, true, "ZZ", 8, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) },
                    { "personal", 1, 0, true, "GR", 8, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) },
                    { "poster", 1, 0, true, "ZT", 8, new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) }
                });

            migrationBuilder.CreateIndex(
                name: "ix_code_styles_category_color_active",
                table: "code_styles",
                columns: new[] { "category", "color", "active" });

            migrationBuilder.CreateIndex(
                name: "ix_code_issuers_category",
                table: "code_issuers",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_code_issuers_prefix",
                table: "code_issuers",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_code_numbers_category_subject_id",
                table: "code_numbers",
                columns: new[] { "category", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_code_numbers_number",
                table: "code_numbers",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_issuers");

            migrationBuilder.DropTable(
                name: "code_number_counters");

            migrationBuilder.DropTable(
                name: "code_number_rules");

            migrationBuilder.DropTable(
                name: "code_numbers");

            migrationBuilder.DropTable(
                name: "code_categories");

            migrationBuilder.DropIndex(
                name: "ix_code_styles_category_color_active",
                table: "code_styles");

            migrationBuilder.DropColumn(
                name: "color",
                table: "code_styles");

            migrationBuilder.RenameColumn(
                name: "category",
                table: "code_styles",
                newName: "code_type");

            migrationBuilder.CreateIndex(
                name: "ix_code_styles_code_type_active",
                table: "code_styles",
                columns: new[] { "code_type", "active" });
        }
    }
}
