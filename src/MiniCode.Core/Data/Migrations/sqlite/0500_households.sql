-- 0500_households
CREATE TABLE "offline_cards" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_offline_cards" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "issued_by_account_id" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "issued_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "revoked_at" INTEGER NULL,
    "revocation_reason" TEXT NULL
);

CREATE TABLE "portrait_attempts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_portrait_attempts" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "source" TEXT NOT NULL
);

CREATE TABLE "portraits" (
    "person_id" INTEGER NOT NULL CONSTRAINT "pk_portraits" PRIMARY KEY,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "changed_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "enabled" INTEGER NOT NULL,
    "disabled_at" INTEGER NULL,
    CONSTRAINT "fk_portraits_persons_person_id" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON DELETE CASCADE
);

CREATE TABLE "household_relatives" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_household_relatives" PRIMARY KEY AUTOINCREMENT,
    "holder_account_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "relation" TEXT NULL,
    "consent_by" TEXT NOT NULL,
    "consent_at" INTEGER NOT NULL,
    "face_verified" INTEGER NOT NULL,
    "added_at" INTEGER NOT NULL,
    CONSTRAINT "fk_household_relatives_accounts_holder_account_id" FOREIGN KEY ("holder_account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_household_relatives_persons_person_id" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_household_relatives_holder_account_id_person_id" ON "household_relatives" ("holder_account_id", "person_id");

CREATE UNIQUE INDEX "ix_household_relatives_holder_account_id_slot" ON "household_relatives" ("holder_account_id", "slot");

CREATE INDEX "ix_household_relatives_person_id" ON "household_relatives" ("person_id");

CREATE INDEX "ix_offline_cards_issued_by_account_id_issued_at" ON "offline_cards" ("issued_by_account_id", "issued_at");

CREATE UNIQUE INDEX "ix_offline_cards_payload_hash" ON "offline_cards" ("payload_hash");

CREATE INDEX "ix_offline_cards_person_id_issued_at" ON "offline_cards" ("person_id", "issued_at");

CREATE INDEX "ix_offline_cards_status_expires_at" ON "offline_cards" ("status", "expires_at");

CREATE INDEX "ix_portrait_attempts_person_id_at" ON "portrait_attempts" ("person_id", "at");
