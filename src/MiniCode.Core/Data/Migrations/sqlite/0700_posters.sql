-- 0700_posters
CREATE TABLE "check_ins" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_check_ins" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "poster_id" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "generation_number" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "checked_in_at" INTEGER NOT NULL,
    "last_scan_at" INTEGER NOT NULL,
    "scan_count" INTEGER NOT NULL
);

CREATE TABLE "posters" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_posters" PRIMARY KEY AUTOINCREMENT,
    "owner_account_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "venue_name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "venue_type" TEXT NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_phone_cipher" TEXT NOT NULL,
    "contact_phone_index" TEXT NOT NULL,
    "contact_phone_masked" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "deleted_at" INTEGER NULL,
    "revoked_at" INTEGER NULL,
    "revoked_reason" TEXT NULL,
    "revoked_by" TEXT NULL
);

CREATE TABLE "poster_generations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_poster_generations" PRIMARY KEY AUTOINCREMENT,
    "poster_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "scene_token" TEXT NOT NULL,
    "issued_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "valid_until" INTEGER NULL,
    "wechat_code" BLOB NULL,
    "alipay_qr_code_url" TEXT NULL,
    CONSTRAINT "fk_poster_generations_posters_poster_id" FOREIGN KEY ("poster_id") REFERENCES "posters" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_check_ins_checked_in_at" ON "check_ins" ("checked_in_at");

CREATE INDEX "ix_check_ins_person_id_poster_id_checked_in_at" ON "check_ins" ("person_id", "poster_id", "checked_in_at");

CREATE INDEX "ix_check_ins_poster_id_checked_in_at" ON "check_ins" ("poster_id", "checked_in_at");

CREATE UNIQUE INDEX "ix_poster_generations_poster_id_number" ON "poster_generations" ("poster_id", "number");

CREATE INDEX "ix_posters_owner_account_id" ON "posters" ("owner_account_id");

CREATE INDEX "ix_posters_region_code" ON "posters" ("region_code");
