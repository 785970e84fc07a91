-- The search box finds record numbers by their start too ("SH-0001" lists SH-000100…SH-000199),
-- written as a range over text_pattern_ops so the index serves it inside the box's OR.
CREATE INDEX "patients_mrn_prefix_idx" ON "patients" ("organization_id", "mrn" text_pattern_ops);
