CREATE TABLE "patient_import_skips" (
	"import_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"reasons" text NOT NULL,
	"cells" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"header_row" integer,
	"headers" text[],
	"mapping" jsonb,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_imports_status_check" CHECK ("patient_imports"."status" in ('uploaded', 'queued', 'running', 'completed', 'failed')),
	CONSTRAINT "patient_imports_format_check" CHECK ("patient_imports"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
ALTER TABLE "patient_import_skips" ADD CONSTRAINT "patient_import_skips_import_id_patient_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."patient_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_import_skips" ADD CONSTRAINT "patient_import_skips_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD CONSTRAINT "patient_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD CONSTRAINT "patient_imports_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_import_skips_key" ON "patient_import_skips" USING btree ("import_id","row_number");--> statement-breakpoint
CREATE INDEX "patient_imports_org_idx" ON "patient_imports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "patient_imports_due_idx" ON "patient_imports" USING btree ("status","locked_until");