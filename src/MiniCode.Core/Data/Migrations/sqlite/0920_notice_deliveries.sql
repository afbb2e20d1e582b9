-- 0920_notice_deliveries
CREATE TABLE "notice_deliveries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notice_deliveries" PRIMARY KEY AUTOINCREMENT,
    "notice_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "claimed_until" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "ended_at" INTEGER NULL,
    "last_error" TEXT NULL,
    CONSTRAINT "fk_notice_deliveries_notices_notice_id" FOREIGN KEY ("notice_id") REFERENCES "notices" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_notice_deliveries_notice_id" ON "notice_deliveries" ("notice_id");

CREATE INDEX "ix_notice_deliveries_status_next_attempt_at" ON "notice_deliveries" ("status", "next_attempt_at");
