-- 0300_admin
CREATE TABLE "announcements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_announcements" PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "publish_from" INTEGER NOT NULL,
    "publish_until" INTEGER NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "code_styles" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_code_styles" PRIMARY KEY AUTOINCREMENT,
    "code_type" TEXT NOT NULL,
    "background_color" TEXT NOT NULL,
    "foreground_color" TEXT NOT NULL,
    "icon" TEXT NULL,
    "active" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "retired_at" INTEGER NULL
);

CREATE TABLE "consultation_phones" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_consultation_phones" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL
);

CREATE TABLE "custom_forms" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_custom_forms" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NULL,
    "active" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "faq_categories" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_faq_categories" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL
);

CREATE TABLE "feedback_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_feedback_entries" PRIMARY KEY AUTOINCREMENT,
    "account_id" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "contact_cipher" TEXT NULL,
    "contact_masked" TEXT NULL,
    "region_code" TEXT NULL,
    "status" TEXT NOT NULL,
    "reply" TEXT NULL,
    "replied_at" INTEGER NULL,
    "replied_by" TEXT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "organisations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_organisations" PRIMARY KEY AUTOINCREMENT,
    "parent_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NULL,
    "remarks" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "fk_organisations_organisations_parent_id" FOREIGN KEY ("parent_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "service_links" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_service_links" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "enabled" INTEGER NOT NULL
);

CREATE TABLE "staff_roles" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staff_roles" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "permissions" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "form_fields" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_form_fields" PRIMARY KEY AUTOINCREMENT,
    "form_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "required" INTEGER NOT NULL,
    "options" TEXT NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "fk_form_fields_custom_forms_form_id" FOREIGN KEY ("form_id") REFERENCES "custom_forms" ("id") ON DELETE CASCADE
);

CREATE TABLE "form_submissions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_form_submissions" PRIMARY KEY AUTOINCREMENT,
    "form_id" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "submitted_at" INTEGER NOT NULL,
    CONSTRAINT "fk_form_submissions_custom_forms_form_id" FOREIGN KEY ("form_id") REFERENCES "custom_forms" ("id") ON DELETE RESTRICT
);

CREATE TABLE "faq_questions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_faq_questions" PRIMARY KEY AUTOINCREMENT,
    "category_id" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "is_hot" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    CONSTRAINT "fk_faq_questions_faq_categories_category_id" FOREIGN KEY ("category_id") REFERENCES "faq_categories" ("id") ON DELETE RESTRICT
);

CREATE TABLE "sites" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_sites" PRIMARY KEY AUTOINCREMENT,
    "organisation_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "address" TEXT NULL,
    "status" TEXT NOT NULL,
    "remarks" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "fk_sites_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "staff_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staff_members" PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "id_number_cipher" TEXT NULL,
    "id_number_index" TEXT NULL,
    "id_number_masked" TEXT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "organisation_id" INTEGER NULL,
    "site_id" INTEGER NULL,
    "role_id" INTEGER NOT NULL,
    "remarks" TEXT NULL,
    "password_hash" TEXT NOT NULL,
    "security_stamp" TEXT NOT NULL,
    "failed_login_count" INTEGER NOT NULL,
    "locked_until" INTEGER NULL,
    "last_login_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "fk_staff_members_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_staff_members_sites_site_id" FOREIGN KEY ("site_id") REFERENCES "sites" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_staff_members_staff_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "staff_roles" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_announcements_publish_from" ON "announcements" ("publish_from");

CREATE INDEX "ix_code_styles_code_type_active" ON "code_styles" ("code_type", "active");

CREATE INDEX "ix_consultation_phones_region_code" ON "consultation_phones" ("region_code");

CREATE INDEX "ix_custom_forms_region_code" ON "custom_forms" ("region_code");

CREATE UNIQUE INDEX "ix_faq_categories_name" ON "faq_categories" ("name");

CREATE INDEX "ix_faq_questions_category_id" ON "faq_questions" ("category_id");

CREATE INDEX "ix_feedback_entries_account_id" ON "feedback_entries" ("account_id");

CREATE INDEX "ix_feedback_entries_created_at" ON "feedback_entries" ("created_at");

CREATE INDEX "ix_feedback_entries_status" ON "feedback_entries" ("status");

CREATE UNIQUE INDEX "ix_form_fields_form_id_key" ON "form_fields" ("form_id", "key");

CREATE INDEX "ix_form_submissions_account_id" ON "form_submissions" ("account_id");

CREATE INDEX "ix_form_submissions_form_id" ON "form_submissions" ("form_id");

CREATE INDEX "ix_organisations_parent_id" ON "organisations" ("parent_id");

CREATE INDEX "ix_organisations_region_code" ON "organisations" ("region_code");

CREATE INDEX "ix_service_links_region_code" ON "service_links" ("region_code");

CREATE INDEX "ix_sites_organisation_id" ON "sites" ("organisation_id");

CREATE INDEX "ix_sites_region_code" ON "sites" ("region_code");

CREATE INDEX "ix_staff_members_id_number_index" ON "staff_members" ("id_number_index");

CREATE INDEX "ix_staff_members_organisation_id" ON "staff_members" ("organisation_id");

CREATE INDEX "ix_staff_members_role_id" ON "staff_members" ("role_id");

CREATE INDEX "ix_staff_members_site_id" ON "staff_members" ("site_id");

CREATE UNIQUE INDEX "ix_staff_members_username" ON "staff_members" ("username");

CREATE UNIQUE INDEX "ix_staff_roles_name" ON "staff_roles" ("name");
