-- A party's private working notes. Their visibility is always 'party' and their owner is
-- never NULL, so parley_visible lets through the writing party's members and nobody else:
-- not the mediator's office (which sees owner-less 'party' rows only) and not another
-- party. The policies add the owner check explicitly, so that rule does not hang on the
-- CHECK constraints alone.

CREATE TABLE notes (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  party_id       uuid NOT NULL,
  point_id       uuid,
  amendment_id   uuid,
  round_id       uuid,
  text           text NOT NULL,
  visibility     text NOT NULL DEFAULT 'party' CHECK (visibility = 'party'),
  written_by     uuid NOT NULL,
  at             timestamptz NOT NULL,
  edited_by      uuid,
  edited_at      timestamptz,
  -- seq of the last event that wrote the note: what a client sends back as basedOn.
  revision       integer NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);
CREATE INDEX notes_by_party ON notes (negotiation_id, party_id, point_id);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_read ON notes FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'));
CREATE POLICY notes_insert ON notes FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'));
CREATE POLICY notes_update ON notes FOR UPDATE TO parley_app
  USING (parley_visible(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'))
  WITH CHECK (parley_may_write(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'));
-- Deleting a note is an event; its projection drops the row. Only the owning party's rows
-- can be reached, and the log itself stays append-only.
CREATE POLICY notes_delete ON notes FOR DELETE TO parley_app
  USING (parley_visible(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'));
GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO parley_app;
