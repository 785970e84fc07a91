DROP INDEX "patients_household_idx";--> statement-breakpoint
CREATE INDEX "patients_household_idx" ON "patients" USING btree ("household_id") WHERE "patients"."household_id" is not null;