-- Typo-tolerant name search that stays fast at a million patients. Trigrams over a million full
-- names read posting lists of hundreds of thousands of rows for common trigrams ("sha", "arm");
-- so a typed word is matched by trigrams against the organization's distinct name words
-- (patient_name_words) and the words found are looked up exactly in a GIN index of each
-- patient's name words, keyed by organization so one clinic's "sharma" never reads another's.

-- The words of a name: lower case, split on spaces and punctuation (Devanagari vowel signs stay in their word).
CREATE FUNCTION carelane_name_words(first_name text, last_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
  FROM regexp_split_to_table(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '[[:space:][:punct:]]+') AS w
  WHERE w <> ''
$$;
--> statement-breakpoint
-- The same words as index keys of one organization: '<organization id>:<word>'. Qualified by schema:
-- index builds run functions with only pg_catalog on the search path.
CREATE FUNCTION carelane_name_keys(organization_id uuid, first_name text, last_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(organization_id::text || ':' || w), '{}')
  FROM unnest(public.carelane_name_words(first_name, last_name)) AS w
$$;
--> statement-breakpoint
CREATE INDEX "patients_name_keys_idx" ON "patients" USING gin (carelane_name_keys("organization_id", "first_name", "last_name"))
  WHERE "merged_into_id" IS NULL;
--> statement-breakpoint
-- New words of inserted rows, once per statement (an import batch or COPY is one statement).
-- Sorted, so concurrent writers take the words' insert locks in one order and never deadlock.
CREATE FUNCTION carelane_patients_new_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "patient_name_words" ("organization_id", "word")
  SELECT DISTINCT n."organization_id", w
  FROM new_rows n, unnest(carelane_name_words(n."first_name", n."last_name")) AS w
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER patients_name_words_insert AFTER INSERT ON "patients"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION carelane_patients_new_name_words();
--> statement-breakpoint
CREATE FUNCTION carelane_patient_renamed_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "patient_name_words" ("organization_id", "word")
  SELECT NEW."organization_id", w FROM unnest(carelane_name_words(NEW."first_name", NEW."last_name")) AS w
  ORDER BY 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER patients_name_words_rename AFTER UPDATE OF "first_name", "last_name" ON "patients" FOR EACH ROW
  WHEN (OLD."first_name" IS DISTINCT FROM NEW."first_name" OR OLD."last_name" IS DISTINCT FROM NEW."last_name")
  EXECUTE FUNCTION carelane_patient_renamed_words();
--> statement-breakpoint
INSERT INTO "patient_name_words" ("organization_id", "word")
SELECT DISTINCT "organization_id", w FROM "patients", unnest(carelane_name_words("first_name", "last_name")) AS w
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Whole-name trigrams are no longer read by any search.
DROP INDEX IF EXISTS "patients_name_trgm_idx";
