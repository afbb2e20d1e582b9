-- 0400_job_runs
CREATE TABLE "job_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_job_runs" PRIMARY KEY AUTOINCREMENT,
    "job_name" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "fire_instance_id" TEXT NOT NULL,
    "scheduled_for" INTEGER NULL,
    "attempt" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "started_at" INTEGER NOT NULL,
    "ended_at" INTEGER NULL,
    "outcome" TEXT NOT NULL,
    "items_processed" INTEGER NOT NULL,
    "error_message" TEXT NULL
);

CREATE INDEX "ix_job_runs_job_name_started_at" ON "job_runs" ("job_name", "started_at");

CREATE INDEX "ix_job_runs_started_at" ON "job_runs" ("started_at");
