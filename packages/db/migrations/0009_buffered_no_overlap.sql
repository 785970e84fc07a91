-- Buffers become part of "no double booking": an appointment blocks its clinician from
-- starts_at - buffer_before to ends_at + buffer_after, and two active appointments' blocked
-- ranges may not overlap. That is exactly the slot engine's rule (each busy block widened by its
-- own buffers and the new visit's), now held by the database under races too.
--
-- Rows booked before this migration keep buffers of 0 (the columns' default), so their blocked
-- range is their plain range and the new constraint accepts everything the old one did.
--
-- Minutes-only interval arithmetic on timestamptz does not depend on the session's TimeZone (only
-- day and month steps do), so the function is truly immutable, as an index expression requires.
CREATE FUNCTION carelane_blocked_range(starts_at timestamptz, ends_at timestamptz, before_minutes integer, after_minutes integer)
  RETURNS tstzrange LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN tstzrange(starts_at - make_interval(mins => before_minutes), ends_at + make_interval(mins => after_minutes), '[)');
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_buffers_check"
  CHECK ("buffer_before_minutes" BETWEEN 0 AND 240 AND "buffer_after_minutes" BETWEEN 0 AND 240);
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_overlap";
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist (
    "clinician_id" WITH =,
    carelane_blocked_range("starts_at", "ends_at", "buffer_before_minutes", "buffer_after_minutes") WITH &&
  ) WHERE ("status" <> 'cancelled' AND NOT "overbooked");
