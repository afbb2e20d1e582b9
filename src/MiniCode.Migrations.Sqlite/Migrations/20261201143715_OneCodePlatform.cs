using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MiniCode.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneCodePlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily");

            migrationBuilder.DropIndex(
                name: "ix_code_styles_code_type_active",
                table: "code_styles");

            migrationBuilder.DropPrimaryKey(
                name: "pk_code_statistics_daily",
                table: "code_statistics_daily");

            migrationBuilder.RenameColumn(
                name: "code_type",
                table: "code_styles",
                newName: "category");

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

            migrationBuilder.AddColumn<string>(
                name: "application",
                table: "code_usage_daily",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "color",
                table: "code_styles",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

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
                name: "code_categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    built_in = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_categories", x => x.code);
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

            migrationBuilder.CreateTable(
                name: "code_number_counters",
                columns: table => new
                {
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    next_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_number_counters", x => x.category);
                });

            migrationBuilder.CreateTable(
                name: "code_numbers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    subject_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    assigned_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_code_numbers", x => x.id);
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
                name: "login_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    address_index = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    blocked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_failures", x => x.id);
                });

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
                name: "code_issuers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    key_source = table.Column<int>(type: "INTEGER", nullable: false),
                    jwks_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    jwks_document = table.Column<string>(type: "TEXT", nullable: true),
                    keys_fetched_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_fetch_error = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    include_region = table.Column<bool>(type: "INTEGER", nullable: false),
                    date_part = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence_width = table.Column<int>(type: "INTEGER", nullable: false),
                    check = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.InsertData(
                table: "code_categories",
                columns: new[] { "code", "built_in", "created_at", "description", "name" },
                values: new object[,]
                {
                    { "appointment", true, 1309320806400000000L, null, "预约码" },
                    { "authorisation", true, 1309320806400000000L, null, "授权码" },
                    { "enterprise", true, 1309320806400000000L, null, "企业码" },
                    { "licence", true, 1309320806400000000L, null, "证照码" },
                    { "personal", true, 1309320806400000000L, null, "个人码" },
                    { "poster", true, 1309320806400000000L, null, "张贴码" }
                });

            migrationBuilder.InsertData(
                table: "code_number_rules",
                columns: new[] { "category", "check", "date_part", "include_region", "prefix", "sequence_width", "updated_at" },
                values: new object[,]
                {
                    { "appointment", 1, 0, true, "YY", 8, 1309320806400000000L },
                    { "authorisation", 1, 0, true, "SQ", 8, 1309320806400000000L },
                    { "enterprise", 1, 0, true, "QY", 8, 1309320806400000000L },
                    { "licence", 1, 0, true, "ZZ", 8, 1309320806400000000L },
                    { "personal", 1, 0, true, "GR", 8, 1309320806400000000L },
                    { "poster", 1, 0, true, "ZT", 8, 1309320806400000000L }
                });

            migrationBuilder.CreateIndex(
                name: "ix_posters_owner_application_id_application_subject_ref",
                table: "posters",
                columns: new[] { "owner_application_id", "application_subject_ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_code_styles_category_color_active",
                table: "code_styles",
                columns: new[] { "category", "color", "active" });

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

            migrationBuilder.CreateIndex(
                name: "ix_login_failures_scope_account_id_address_index",
                table: "login_failures",
                columns: new[] { "scope", "account_id", "address_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_login_failures_updated_at",
                table: "login_failures",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_prior_applications_document_index",
                table: "prior_applications",
                column: "document_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prior_applications_person_id",
                table: "prior_applications",
                column: "person_id");

            // 码样式 were kept per colour in code_type ("green" … "red", "offline"); they are now the personal category's,
            // per colour (code engine). Moves the old rows over once their columns exist.
            migrationBuilder.Sql("UPDATE code_styles SET color = category WHERE category IN ('green','yellow','orange','red');");
            migrationBuilder.Sql("UPDATE code_styles SET category = 'personal' WHERE category IN ('green','yellow','orange','red','offline');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_hall_matters");

            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "code_applications");

            migrationBuilder.DropTable(
                name: "code_event_records");

            migrationBuilder.DropTable(
                name: "code_issuers");

            migrationBuilder.DropTable(
                name: "code_number_counters");

            migrationBuilder.DropTable(
                name: "code_number_rules");

            migrationBuilder.DropTable(
                name: "code_numbers");

            migrationBuilder.DropTable(
                name: "enterprise_bindings");

            migrationBuilder.DropTable(
                name: "login_failures");

            migrationBuilder.DropTable(
                name: "prior_applications");

            migrationBuilder.DropTable(
                name: "appointment_matters");

            migrationBuilder.DropTable(
                name: "appointment_slots");

            migrationBuilder.DropTable(
                name: "code_categories");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "appointment_halls");

            migrationBuilder.DropIndex(
                name: "ix_posters_owner_application_id_application_subject_ref",
                table: "posters");

            migrationBuilder.DropPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily");

            migrationBuilder.DropIndex(
                name: "ix_code_styles_category_color_active",
                table: "code_styles");

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

            migrationBuilder.DropColumn(
                name: "application",
                table: "code_usage_daily");

            migrationBuilder.DropColumn(
                name: "color",
                table: "code_styles");

            migrationBuilder.DropColumn(
                name: "application",
                table: "code_statistics_daily");

            migrationBuilder.RenameColumn(
                name: "category",
                table: "code_styles",
                newName: "code_type");

            migrationBuilder.AddPrimaryKey(
                name: "pk_code_usage_daily",
                table: "code_usage_daily",
                columns: new[] { "day", "code_type", "region_code", "metric" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_code_statistics_daily",
                table: "code_statistics_daily",
                columns: new[] { "day", "code_type", "region_code", "metric" });

            migrationBuilder.CreateIndex(
                name: "ix_code_styles_code_type_active",
                table: "code_styles",
                columns: new[] { "code_type", "active" });
        }
    }
}
