-- 0850_face_checks_and_statistics
CREATE TABLE "code_statistics_daily" (
    "day" TEXT NOT NULL,
    "code_type" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "pk_code_statistics_daily" PRIMARY KEY ("day", "code_type", "region_code", "metric")
);

CREATE TABLE "face_verifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_face_verifications" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "verified_at" INTEGER NOT NULL
);

CREATE INDEX "ix_face_verifications_person_id_verified_at" ON "face_verifications" ("person_id", "verified_at");
