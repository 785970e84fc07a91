-- "Has an upcoming appointment" as a column test instead of a probe of appointments per patient:
-- latest_booked_at is the start of the patient's latest pending or confirmed appointment, so the
-- patient has one ahead exactly when it is after now (no job needs to roll it forward as time passes).
-- The trigger of migration 0013 now keeps it beside last_visit_at.
CREATE FUNCTION carelane_patient_visit_times(p_org uuid, p_patient uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE "patients" p SET "last_visit_at" = v.last, "latest_booked_at" = v.booked
  FROM (SELECT max("starts_at") FILTER (WHERE "status" IN ('checked_in', 'completed')) AS last,
               max("starts_at") FILTER (WHERE "status" IN ('pending', 'confirmed')) AS booked
        FROM "appointments" WHERE "organization_id" = p_org AND "patient_id" = p_patient) v
  WHERE p."id" = p_patient
    AND (p."last_visit_at" IS DISTINCT FROM v.last OR p."latest_booked_at" IS DISTINCT FROM v.booked);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION carelane_appointments_last_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Every status but cancelled and no-show counts towards one of the two times.
  IF TG_OP <> 'INSERT' AND OLD."status" IN ('checked_in', 'completed', 'pending', 'confirmed') THEN
    PERFORM carelane_patient_visit_times(OLD."organization_id", OLD."patient_id");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."status" IN ('checked_in', 'completed', 'pending', 'confirmed')
     AND (TG_OP = 'INSERT' OR NEW."patient_id" <> OLD."patient_id"
          OR OLD."status" NOT IN ('checked_in', 'completed', 'pending', 'confirmed')) THEN
    PERFORM carelane_patient_visit_times(NEW."organization_id", NEW."patient_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS carelane_patient_last_visit(uuid, uuid);
--> statement-breakpoint
UPDATE "patients" p SET "latest_booked_at" = v.booked
FROM (SELECT "patient_id", max("starts_at") AS booked FROM "appointments"
      WHERE "status" IN ('pending', 'confirmed') GROUP BY "patient_id") v
WHERE p."id" = v."patient_id";
--> statement-breakpoint
CREATE INDEX "patients_latest_booked_idx" ON "patients" ("organization_id", "latest_booked_at") WHERE "merged_into_id" IS NULL;
