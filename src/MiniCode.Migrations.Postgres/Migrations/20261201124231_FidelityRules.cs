using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FidelityRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "session_id",
                table: "face_verifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "used_at",
                table: "face_verifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "temperature_celsius",
                table: "color_changes",
                type: "numeric(4,1)",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "temperature_measured_at",
                table: "color_changes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "temperature_source",
                table: "color_changes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prior_applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    document_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    person_id = table.Column<long>(type: "bigint", nullable: true),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prior_applications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_prior_applications_document_index",
                table: "prior_applications",
                column: "document_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prior_applications_person_id",
                table: "prior_applications",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prior_applications");

            migrationBuilder.DropColumn(
                name: "session_id",
                table: "face_verifications");

            migrationBuilder.DropColumn(
                name: "used_at",
                table: "face_verifications");

            migrationBuilder.DropColumn(
                name: "temperature_celsius",
                table: "color_changes");

            migrationBuilder.DropColumn(
                name: "temperature_measured_at",
                table: "color_changes");

            migrationBuilder.DropColumn(
                name: "temperature_source",
                table: "color_changes");
        }
    }
}
