-- Versions made by importing a document: the document's source (name, format, SHA-256) and
-- the point lineage the import recorded, one JSON array of links per version. A version's
-- lineage names its points and their numbers, so it is read exactly as the version is:
-- its visibility is the version's, and the generic policies apply.
CREATE TABLE version_imports (
  negotiation_id uuid NOT NULL,
  version_id     uuid NOT NULL,
  lang           text NOT NULL,
  source         jsonb NOT NULL,
  imported_by    text NOT NULL,
  at             timestamptz NOT NULL,
  links          jsonb NOT NULL,
  visibility     text NOT NULL,
  PRIMARY KEY (negotiation_id, version_id)
);

ALTER TABLE version_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY version_imports_read ON version_imports FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility));
CREATE POLICY version_imports_insert ON version_imports FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility));
GRANT SELECT, INSERT ON version_imports TO parley_app;
