-- patient_counts kept by statement-level triggers on patients: an import batch changes each
-- counter once, not once per row. Only live patients count (not merged, not archived); an update
-- moves a patient between counters by subtracting the old row's facts and adding the new row's.
-- Days are local to the organization's zone, as the dashboard shows them.

-- The facts one patient row is counted by; none for a merged or archived record.
CREATE FUNCTION carelane_patient_facts(p patients) RETURNS TABLE (dimension text, value text)
LANGUAGE sql STABLE AS $$
  SELECT f.dimension, f.value
  FROM (SELECT "default_zone" AS zone FROM "organizations" WHERE "id" = p."organization_id") o,
  LATERAL (VALUES
    ('sex', coalesce(p."sex"::text, '')),
    ('birth', coalesce(p."birth_date"::text, '')),
    ('source', coalesce(p."lead_source", '')),
    ('created', (p."created_at" AT TIME ZONE o.zone)::date::text),
    ('visit', coalesce((p."last_visit_at" AT TIME ZONE o.zone)::date::text, ''))
  ) AS f(dimension, value)
  WHERE p."merged_into_id" IS NULL AND p."archived_at" IS NULL
$$;
--> statement-breakpoint
-- Sorted, so concurrent writers lock counters in one order and never deadlock on them.
CREATE FUNCTION carelane_patients_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "patient_counts" ("organization_id", "dimension", "value", "count")
  SELECT n."organization_id", f.dimension, f.value, count(*)
  FROM new_rows n, carelane_patient_facts(n) f
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("organization_id", "dimension", "value") DO UPDATE SET "count" = "patient_counts"."count" + excluded."count";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION carelane_patients_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "patient_counts" ("organization_id", "dimension", "value", "count")
  SELECT organization_id, dimension, value, sum(delta)
  FROM (
    SELECT n."organization_id", f.dimension, f.value, 1 AS delta FROM new_rows n, carelane_patient_facts(n) f
    UNION ALL
    SELECT o."organization_id", f.dimension, f.value, -1 FROM old_rows o, carelane_patient_facts(o) f
  ) d
  GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT ("organization_id", "dimension", "value") DO UPDATE SET "count" = "patient_counts"."count" + excluded."count";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION carelane_patients_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "patient_counts" ("organization_id", "dimension", "value", "count")
  SELECT o."organization_id", f.dimension, f.value, -count(*)
  FROM old_rows o, carelane_patient_facts(o) f
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("organization_id", "dimension", "value") DO UPDATE SET "count" = "patient_counts"."count" + excluded."count";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER patients_count_insert AFTER INSERT ON "patients"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION carelane_patients_count_insert();
--> statement-breakpoint
CREATE TRIGGER patients_count_update AFTER UPDATE ON "patients"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION carelane_patients_count_update();
--> statement-breakpoint
CREATE TRIGGER patients_count_delete AFTER DELETE ON "patients"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION carelane_patients_count_delete();
--> statement-breakpoint
-- Recounts from the patients: one organization, or all of them (this migration, bulk loads with
-- triggers off).
CREATE FUNCTION carelane_recount_patients(p_org uuid DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "patient_counts" WHERE p_org IS NULL OR "organization_id" = p_org;
  INSERT INTO "patient_counts" ("organization_id", "dimension", "value", "count")
  SELECT p."organization_id", f.dimension, f.value, count(*)
  FROM "patients" p, carelane_patient_facts(p) f
  WHERE p_org IS NULL OR p."organization_id" = p_org
  GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
-- Local days move with the zone, so an organization that changes it is recounted.
CREATE FUNCTION carelane_organization_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM carelane_recount_patients(NEW."id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_zone_recount AFTER UPDATE OF "default_zone" ON "organizations" FOR EACH ROW
  WHEN (OLD."default_zone" IS DISTINCT FROM NEW."default_zone") EXECUTE FUNCTION carelane_organization_zone_changed();
--> statement-breakpoint
SELECT carelane_recount_patients();
