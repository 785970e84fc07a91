-- Clinical notes are never rewritten or deleted: a correction is a new row (amends_id). The one
-- change allowed is moving a note to another patient record, which merging duplicates needs.
CREATE FUNCTION clinical_notes_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'clinical notes cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.organization_id, NEW.appointment_id, NEW.author_id, NEW.kind, NEW.body, NEW.vitals,
      NEW.amends_id, NEW.amend_reason, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.organization_id, OLD.appointment_id, OLD.author_id, OLD.kind, OLD.body, OLD.vitals,
      OLD.amends_id, OLD.amend_reason, OLD.created_at) THEN
    RAISE EXCEPTION 'clinical notes cannot be changed; add an amendment' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER clinical_notes_no_rewrite
  BEFORE UPDATE OR DELETE ON "clinical_notes"
  FOR EACH ROW EXECUTE FUNCTION clinical_notes_immutable();
--> statement-breakpoint
CREATE TRIGGER clinical_notes_no_truncate
  BEFORE TRUNCATE ON "clinical_notes"
  FOR EACH STATEMENT EXECUTE FUNCTION clinical_notes_immutable();
