ALTER TABLE "patient_import_skips" ADD COLUMN "kind" text DEFAULT 'skipped' NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "warned_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_import_skips" ADD CONSTRAINT "patient_import_skips_kind_check" CHECK ("patient_import_skips"."kind" in ('skipped', 'warned'));