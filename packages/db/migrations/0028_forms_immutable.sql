-- What a patient submitted, and each published version of the questions, are never rewritten or
-- deleted. The one change allowed on a submission is moving it to another patient record, which
-- merging duplicates needs.
CREATE FUNCTION form_submissions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'form submissions cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.organization_id, NEW.request_id, NEW.questionnaire_version_id, NEW.version, NEW.answers,
      NEW.signature_file_id, NEW.confirmed_birth_date, NEW.submitted_at)
     IS DISTINCT FROM
     (OLD.id, OLD.organization_id, OLD.request_id, OLD.questionnaire_version_id, OLD.version, OLD.answers,
      OLD.signature_file_id, OLD.confirmed_birth_date, OLD.submitted_at) THEN
    RAISE EXCEPTION 'form submissions cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER form_submissions_no_rewrite
  BEFORE UPDATE OR DELETE ON "form_submissions"
  FOR EACH ROW EXECUTE FUNCTION form_submissions_immutable();
--> statement-breakpoint
CREATE TRIGGER form_submissions_no_truncate
  BEFORE TRUNCATE ON "form_submissions"
  FOR EACH STATEMENT EXECUTE FUNCTION form_submissions_immutable();
--> statement-breakpoint
CREATE FUNCTION questionnaire_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published questionnaire version cannot be changed; publish a new one'
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_no_rewrite
  BEFORE UPDATE OR DELETE ON "questionnaire_versions"
  FOR EACH ROW EXECUTE FUNCTION questionnaire_versions_immutable();
