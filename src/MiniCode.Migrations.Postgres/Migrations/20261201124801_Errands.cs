using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Errands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "errand_matters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_errand_matters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "errand_authorisations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    grantor_person_id = table.Column<long>(type: "bigint", nullable: false),
                    matter_id = table.Column<long>(type: "bigint", nullable: false),
                    matter_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    grantee_name_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    grantee_name_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    grantee_document_cipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grantee_document_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    grantee_document_masked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    grantee_phone_cipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    grantee_phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    grantee_person_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    licence_ids = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_errand_authorisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_errand_authorisations_errand_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "errand_matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_errand_authorisations_persons_grantor_person_id",
                        column: x => x.grantor_person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_errand_authorisations_grantee_document_index",
                table: "errand_authorisations",
                column: "grantee_document_index");

            migrationBuilder.CreateIndex(
                name: "ix_errand_authorisations_grantor_person_id_status",
                table: "errand_authorisations",
                columns: new[] { "grantor_person_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_errand_authorisations_matter_id",
                table: "errand_authorisations",
                column: "matter_id");

            migrationBuilder.CreateIndex(
                name: "ix_errand_authorisations_region_code",
                table: "errand_authorisations",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_errand_authorisations_status_valid_to",
                table: "errand_authorisations",
                columns: new[] { "status", "valid_to" });

            migrationBuilder.CreateIndex(
                name: "ix_errand_matters_region_code",
                table: "errand_matters",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "errand_authorisations");

            migrationBuilder.DropTable(
                name: "errand_matters");
        }
    }
}
