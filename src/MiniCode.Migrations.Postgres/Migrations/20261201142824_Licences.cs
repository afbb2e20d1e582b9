using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MiniCode.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Licences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_person_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    document_cipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    document_masked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phone_cipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_persons_owner_person_id",
                        column: x => x.owner_person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "licence_types",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    catalogue_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    issuer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_identity_credential = table.Column<bool>(type: "boolean", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licence_types", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licence_bindings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<long>(type: "bigint", nullable: false),
                    licence_type_id = table.Column<long>(type: "bigint", nullable: false),
                    licence_number_cipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    licence_number_index = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    licence_number_masked = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    holder_masked = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issuer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    face_image_ref_cipher = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    bound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    unbound_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licence_bindings", x => x.id);
                    table.ForeignKey(
                        name: "fk_licence_bindings_licence_types_licence_type_id",
                        column: x => x.licence_type_id,
                        principalTable: "licence_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_licence_bindings_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_owner_person_id_document_index",
                table: "contacts",
                columns: new[] { "owner_person_id", "document_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licence_bindings_licence_number_index",
                table: "licence_bindings",
                column: "licence_number_index",
                unique: true,
                filter: "unbound_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_licence_bindings_licence_type_id",
                table: "licence_bindings",
                column: "licence_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_licence_bindings_person_id_licence_type_id",
                table: "licence_bindings",
                columns: new[] { "person_id", "licence_type_id" },
                unique: true,
                filter: "unbound_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_licence_types_catalogue_code",
                table: "licence_types",
                column: "catalogue_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licence_types_name",
                table: "licence_types",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "licence_bindings");

            migrationBuilder.DropTable(
                name: "licence_types");
        }
    }
}
