-- 0910_staff_preferences
CREATE TABLE "staff_preferences" (
    "staff_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL,
    CONSTRAINT "pk_staff_preferences" PRIMARY KEY ("staff_id", "key"),
    CONSTRAINT "fk_staff_preferences_staff_members_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff_members" ("id") ON DELETE CASCADE
);
