-- What Drizzle cannot express: extensions, the no-overlap exclusion constraint, trigram
-- search indexes and the append-only audit log.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- No two appointments of one clinician that occupy time may overlap. Half-open ranges, so
-- back-to-back appointments are fine. Cancelled rows and deliberate, audited overbookings are
-- left out by the predicate.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist (
    "clinician_id" WITH =,
    tstzrange("starts_at", "ends_at", '[)') WITH &&
  ) WHERE ("status" <> 'cancelled' AND NOT "overbooked");
--> statement-breakpoint
CREATE INDEX "patients_name_trgm_idx" ON "patients"
  USING gin ((lower("first_name" || ' ' || "last_name")) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "patients_phone_trgm_idx" ON "patients" USING gin ("phone" gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
