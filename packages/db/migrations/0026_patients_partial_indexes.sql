-- Indexes only over the patients a filter can find: most records have no tags, no health plan and
-- no booking ahead, and every index entry is written for each imported or registered patient.
-- Each query states what its index needs (a non-empty tag list; a comparison, which is never
-- true of null), so the planner can use the partial index.
DROP INDEX IF EXISTS "patients_tags_idx";
--> statement-breakpoint
CREATE INDEX "patients_tags_idx" ON "patients" USING gin ("tags") WHERE cardinality("tags") > 0;
--> statement-breakpoint
DROP INDEX IF EXISTS "patients_insurer_idx";
--> statement-breakpoint
CREATE INDEX "patients_insurer_idx" ON "patients" ("organization_id", (lower("health_plan" ->> 'insurer')))
  WHERE lower("health_plan" ->> 'insurer') IS NOT NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS "patients_latest_booked_idx";
--> statement-breakpoint
CREATE INDEX "patients_latest_booked_idx" ON "patients" ("organization_id", "latest_booked_at")
  WHERE "merged_into_id" IS NULL AND "latest_booked_at" IS NOT NULL;
