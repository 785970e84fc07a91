-- Offers written twice for the same time before this index existed: keep one per wish and time
-- (the accepted one, else the first), so the unique index can be built.
DELETE FROM "waitlist_offers" AS "o"
USING "waitlist_offers" AS "kept"
WHERE "kept"."entry_id" = "o"."entry_id"
  AND "kept"."clinician_id" = "o"."clinician_id"
  AND "kept"."starts_at" = "o"."starts_at"
  AND ("kept"."status" = 'accepted', "o"."created_at", "o"."id") > ("o"."status" = 'accepted', "kept"."created_at", "kept"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_once" ON "waitlist_offers" USING btree ("entry_id","clinician_id","starts_at");
