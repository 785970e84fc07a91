-- The highest record number of an organization is read from this index (nextPatientMrn), not by
-- scanning every MRN: creating a patient, or an import batch, costs the same at 1,000 or 1,000,000
-- patients. Only well-formed numbers ("SH-000301") are indexed; the cast never overflows (≤ 15 digits).
CREATE INDEX "patients_mrn_number_idx" ON "patients" (
  "organization_id", split_part("mrn", '-', 1), (substring("mrn" from '[0-9]+$')::bigint)
) WHERE "mrn" ~ '^[A-Z0-9]{1,6}-[0-9]{1,15}$';
--> statement-breakpoint
-- Phone search reads the reversed-phone index (0013); this trigram index served nothing but slowed every insert.
DROP INDEX IF EXISTS "patients_phone_trgm_idx";
