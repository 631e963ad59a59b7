-- Imported news reports, with their full text, so each statement taken from one leads back
-- to the line it stands on. A report has no owning party: it is read by everyone it was
-- imported for ('public', or 'parties': the table only), and the statements taken from it
-- carry the same visibility. Rows come only from 'report.imported' events: no UPDATE policy.
CREATE TABLE reports (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  title          text NOT NULL,
  publisher      text NOT NULL,
  url            text NOT NULL,
  date           date NOT NULL,
  lang           text NOT NULL,
  format         text NOT NULL,
  sha256         text NOT NULL,
  text           text NOT NULL,
  imported_by    uuid,
  at             timestamptz NOT NULL,
  visibility     text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'parties')),
  PRIMARY KEY (negotiation_id, id)
);
CREATE UNIQUE INDEX reports_by_hash ON reports (negotiation_id, sha256);

ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_read ON reports FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility));
CREATE POLICY reports_insert ON reports FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility));
GRANT SELECT, INSERT ON reports TO parley_app;

-- A statement now names the report it came from, and is edited after the fact (speaker,
-- points, stance, translations): revision is the seq of the last event that wrote it, what
-- a client sends back as basedOn. Existing rows take the seq of the event that recorded them.
ALTER TABLE statements ADD COLUMN report_id uuid;
ALTER TABLE statements ADD COLUMN revision integer NOT NULL DEFAULT 0;
UPDATE statements s SET revision = e.seq
  FROM events e
  WHERE e.negotiation_id = s.negotiation_id AND e.type = 'statement.recorded' AND e.payload->'statement'->>'id' = s.id::text;
CREATE INDEX statements_by_report ON statements (negotiation_id, report_id);
