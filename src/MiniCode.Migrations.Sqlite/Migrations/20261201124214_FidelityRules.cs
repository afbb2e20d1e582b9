using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "used_at",
                table: "face_verifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "temperature_celsius",
                table: "color_changes",
                type: "TEXT",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "temperature_measured_at",
                table: "color_changes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "temperature_source",
                table: "color_changes",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prior_applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
