-- Patient search and lists (patients.list): last_visit_at kept by a trigger, and the indexes the
-- search box, the filters and each keyset sort use.
CREATE FUNCTION carelane_patient_last_visit(p_org uuid, p_patient uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE "patients" p SET "last_visit_at" = v.last
  FROM (SELECT max("starts_at") AS last FROM "appointments"
        WHERE "organization_id" = p_org AND "patient_id" = p_patient AND "status" IN ('checked_in', 'completed')) v
  WHERE p."id" = p_patient AND p."last_visit_at" IS DISTINCT FROM v.last;
$$;
--> statement-breakpoint
-- A visit is a checked-in or completed appointment; moves between patients (merges) update both.
CREATE FUNCTION carelane_appointments_last_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."status" IN ('checked_in', 'completed') THEN
    PERFORM carelane_patient_last_visit(OLD."organization_id", OLD."patient_id");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."status" IN ('checked_in', 'completed')
     AND (TG_OP = 'INSERT' OR NEW."patient_id" <> OLD."patient_id" OR NEW."starts_at" <> OLD."starts_at"
          OR OLD."status" NOT IN ('checked_in', 'completed')) THEN
    PERFORM carelane_patient_last_visit(NEW."organization_id", NEW."patient_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_last_visit AFTER INSERT OR DELETE OR UPDATE OF "status", "starts_at", "patient_id"
  ON "appointments" FOR EACH ROW EXECUTE FUNCTION carelane_appointments_last_visit();
--> statement-breakpoint
UPDATE "patients" p SET "last_visit_at" = v.last
FROM (SELECT "patient_id", max("starts_at") AS last FROM "appointments"
      WHERE "status" IN ('checked_in', 'completed') GROUP BY "patient_id") v
WHERE p."id" = v."patient_id";
--> statement-breakpoint
-- Keyset sorts: (organization, sort key, id), live records only.
CREATE INDEX "patients_list_name_idx" ON "patients"
  ("organization_id", (lower("first_name" || ' ' || "last_name")), "id") WHERE "merged_into_id" IS NULL;
--> statement-breakpoint
CREATE INDEX "patients_list_created_idx" ON "patients" ("organization_id", "created_at", "id")
  WHERE "merged_into_id" IS NULL;
--> statement-breakpoint
-- Never-seen patients sort as the earliest visit, so the key is never null.
CREATE INDEX "patients_list_last_visit_idx" ON "patients"
  ("organization_id", (coalesce("last_visit_at", '-infinity'::timestamptz)), "id") WHERE "merged_into_id" IS NULL;
--> statement-breakpoint
-- The search box: a phone's last digits are a prefix of the reversed number; email by prefix.
CREATE INDEX "patients_phone_suffix_idx" ON "patients" ("organization_id", (reverse("phone")) text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "patients_email_idx" ON "patients" ("organization_id", (lower("email")) text_pattern_ops);
--> statement-breakpoint
-- Filters.
CREATE INDEX "patients_tags_idx" ON "patients" USING gin ("tags");
--> statement-breakpoint
CREATE INDEX "patients_birth_date_idx" ON "patients" ("organization_id", "birth_date");
--> statement-breakpoint
CREATE INDEX "patients_insurer_idx" ON "patients" ("organization_id", (lower("health_plan" ->> 'insurer')));
--> statement-breakpoint
CREATE INDEX "appointments_org_start_idx" ON "appointments" ("organization_id", "starts_at")
  INCLUDE ("patient_id", "status");
--> statement-breakpoint
CREATE INDEX "appointments_clinician_visits_idx" ON "appointments" ("organization_id", "clinician_id", "patient_id")
  WHERE "status" IN ('checked_in', 'completed');
--> statement-breakpoint
CREATE INDEX "appointments_centre_visits_idx" ON "appointments" ("organization_id", "centre_id", "patient_id")
  WHERE "status" IN ('checked_in', 'completed');
