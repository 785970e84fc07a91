-- Every change that can alter a clinician's free times announces itself on the
-- `carelane_schedule` channel after commit, so each app process can drop the availability it
-- cached (packages/api, schedule-cache.ts). Payloads: 'c:<clinician id>' for one clinician's
-- appointments, holds, hours and time off; 'o:<organization id>' for what affects many
-- (types, centres, staff, profiles, centre-wide closures). NOTIFY folds identical payloads
-- within a transaction, so a bulk insert sends one message per clinician.
CREATE FUNCTION carelane_notify_clinician_schedule() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('carelane_schedule', CASE WHEN OLD.clinician_id IS NULL
      THEN 'o:' || OLD.organization_id ELSE 'c:' || OLD.clinician_id END);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('carelane_schedule', CASE WHEN NEW.clinician_id IS NULL
      THEN 'o:' || NEW.organization_id ELSE 'c:' || NEW.clinician_id END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION carelane_notify_organization_schedule() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('carelane_schedule', 'o:' || COALESCE(NEW.organization_id, OLD.organization_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointments_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_clinician_schedule();
--> statement-breakpoint
CREATE TRIGGER slot_holds_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "slot_holds"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_clinician_schedule();
--> statement-breakpoint
CREATE TRIGGER availability_rules_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "availability_rules"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_clinician_schedule();
--> statement-breakpoint
CREATE TRIGGER availability_exceptions_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "availability_exceptions"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_clinician_schedule();
--> statement-breakpoint
CREATE TRIGGER appointment_types_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "appointment_types"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_organization_schedule();
--> statement-breakpoint
CREATE TRIGGER centres_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "centres"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_organization_schedule();
--> statement-breakpoint
-- Only the columns availability reads: a sign-in stamping last_sign_in_at must not empty caches.
CREATE TRIGGER staff_users_schedule_notify AFTER INSERT OR DELETE OR UPDATE OF "active", "name" ON "staff_users"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_organization_schedule();
--> statement-breakpoint
CREATE TRIGGER clinician_profiles_schedule_notify AFTER INSERT OR UPDATE OR DELETE ON "clinician_profiles"
  FOR EACH ROW EXECUTE FUNCTION carelane_notify_organization_schedule();
