using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Appointments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appointment_halls",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    opening_hours = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_halls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appointment_matters",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_matters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    suspended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    suspended_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appointment_slots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    hall_id = table.Column<long>(type: "INTEGER", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    booked = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_slots", x => x.id);
                    table.CheckConstraint("ck_appointment_slots_booked", "booked >= 0 AND booked <= capacity");
                    table.ForeignKey(
                        name: "fk_appointment_slots_appointment_halls_hall_id",
                        column: x => x.hall_id,
                        principalTable: "appointment_halls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appointment_hall_matters",
                columns: table => new
                {
                    hall_id = table.Column<long>(type: "INTEGER", nullable: false),
                    matter_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_hall_matters", x => new { x.hall_id, x.matter_id });
                    table.ForeignKey(
                        name: "fk_appointment_hall_matters_appointment_halls_hall_id",
                        column: x => x.hall_id,
                        principalTable: "appointment_halls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_appointment_hall_matters_appointment_matters_matter_id",
                        column: x => x.matter_id,
                        principalTable: "appointment_matters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_bindings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enterprise_id = table.Column<long>(type: "INTEGER", nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    bound_at = table.Column<long>(type: "INTEGER", nullable: false),
                    removed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_bindings", x => x.id);
                    table.ForeignKey(
                        name: "fk_enterprise_bindings_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    slot_id = table.Column<long>(type: "INTEGER", nullable: false),
                    hall_id = table.Column<long>(type: "INTEGER", nullable: false),
                    matter_id = table.Column<long>(type: "INTEGER", nullable: false),
                    booker_person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    attendee_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    attendee_document_cipher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    attendee_document_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    attendee_document_masked = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    attendee_phone_cipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    attendee_phone_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    booked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    cancelled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    arrived_at = table.Column<long>(type: "INTEGER", nullable: true),
                    arrived_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reminded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    no_show_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_appointments_appointment_slots_slot_id",
                        column: x => x.slot_id,
                        principalTable: "appointment_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointment_hall_matters_matter_id",
                table: "appointment_hall_matters",
                column: "matter_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointment_halls_region_code",
                table: "appointment_halls",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_appointment_matters_name",
                table: "appointment_matters",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appointment_slots_hall_id_starts_at",
                table: "appointment_slots",
                columns: new[] { "hall_id", "starts_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appointment_slots_starts_at",
                table: "appointment_slots",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_booker_person_id_booked_at",
                table: "appointments",
                columns: new[] { "booker_person_id", "booked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_slot_id_attendee_document_index",
                table: "appointments",
                columns: new[] { "slot_id", "attendee_document_index" },
                unique: true,
                filter: "status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_status_slot_id",
                table: "appointments",
                columns: new[] { "status", "slot_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_bindings_enterprise_id_person_id",
                table: "enterprise_bindings",
                columns: new[] { "enterprise_id", "person_id" },
                unique: true,
                filter: "removed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_bindings_person_id",
                table: "enterprise_bindings",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_credit_code",
                table: "enterprises",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_region_code",
                table: "enterprises",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_hall_matters");

            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "enterprise_bindings");

            migrationBuilder.DropTable(
                name: "appointment_matters");

            migrationBuilder.DropTable(
                name: "appointment_slots");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "appointment_halls");
        }
    }
}
