-- Holds of one clinician never overlap: the second patient to reach a slot is told it is taken
-- before checkout. Expired holds are deleted in the same transaction before a new one is taken.
ALTER TABLE "slot_holds" ADD CONSTRAINT "slot_holds_no_overlap"
  EXCLUDE USING gist (
    "clinician_id" WITH =,
    tstzrange("starts_at", "ends_at", '[)') WITH &&
  );
--> statement-breakpoint
ALTER TABLE "slot_holds" ADD CONSTRAINT "slot_holds_range_check" CHECK ("ends_at" > "starts_at");
