-- Parley schema, first migration. Valid on PostgreSQL 15 and on PGlite (PostgreSQL 18).
-- Every table carries negotiation_id first in its key, so a distributed PostgreSQL can
-- shard by negotiation. Tables are owned by the connecting (migrating) role; requests run
-- as parley_app, which owns nothing and cannot bypass row-level security.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_app') THEN
    CREATE ROLE parley_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  -- A non-superuser owner must be a member of parley_app to SET ROLE to it.
  EXECUTE format('GRANT parley_app TO %I', current_user);
END
$$;

-- The viewer of the current transaction, as set by the store with set_config(..., true).
-- NULLIF: after a transaction-local setting ends, the setting reads '' rather than NULL.
CREATE FUNCTION parley_viewer(name text) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('parley.viewer_' || name, true), '') $$;

-- ARCHITECTURE §2 in SQL; src/domain/policy/visibility.ts states the same rule.
CREATE FUNCTION parley_visible(neg uuid, owner uuid, vis text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  -- COALESCE: with no viewer set the comparisons are NULL; spell out that NULL means no.
  SELECT COALESCE(vis = 'public'
      OR (neg::text = parley_viewer('negotiation') AND (
            vis = 'parties'
         OR (vis = 'mediator' AND (parley_viewer('mediator') = 'on' OR owner::text = parley_viewer('party')))
         OR (vis = 'party' AND (owner::text = parley_viewer('party') OR (owner IS NULL AND parley_viewer('mediator') = 'on'))))), false)
$$;

-- Who may write a row: someone acting in this negotiation, for their own party; the
-- mediator's office also for rows a party shares beyond itself (e.g. accepting its amendment).
CREATE FUNCTION parley_may_write(neg uuid, owner uuid, vis text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT COALESCE(neg::text = parley_viewer('negotiation')
     AND (owner IS NULL
          OR owner::text = parley_viewer('party')
          OR (parley_viewer('mediator') = 'on' AND vis <> 'party')), false)
$$;

CREATE TABLE schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE negotiations (
  negotiation_id    uuid PRIMARY KEY,
  title             jsonb NOT NULL,
  description       jsonb NOT NULL,
  languages         jsonb NOT NULL,
  drafting_language text NOT NULL,
  created_at        timestamptz NOT NULL,
  visibility        text NOT NULL DEFAULT 'parties'
);

-- The head of each negotiation's chain; locking this row serializes appends, which is what
-- keeps seq gapless under concurrent writers (a rolled-back append leaves the head as it was).
CREATE TABLE negotiation_heads (
  negotiation_id uuid PRIMARY KEY,
  last_seq       integer NOT NULL,
  last_hash      text NOT NULL
);

CREATE TABLE events (
  negotiation_id uuid NOT NULL,
  seq            integer NOT NULL CHECK (seq > 0),
  at             timestamptz NOT NULL,
  actor          text NOT NULL,
  type           text NOT NULL,
  payload        jsonb NOT NULL,
  visibility     text NOT NULL CHECK (visibility IN ('party', 'mediator', 'parties', 'public')),
  party_id       uuid,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  PRIMARY KEY (negotiation_id, seq)
);

CREATE TABLE parties (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  name           jsonb NOT NULL,
  short_name     text NOT NULL,
  broker         boolean NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE persons (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  names          jsonb NOT NULL,
  aliases        jsonb NOT NULL,
  title          jsonb NOT NULL,
  party_id       uuid,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE members (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  display_name   text NOT NULL,
  party_id       uuid,
  role           text NOT NULL,
  person_id      uuid,
  account_id     text,
  active         boolean NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE sections (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  title          jsonb NOT NULL,
  ord            integer NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE points (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  number         text NOT NULL,
  section_id     uuid,
  ord            integer NOT NULL,
  texts          jsonb NOT NULL,
  tags           jsonb NOT NULL,
  illustrative   boolean NOT NULL,
  removed        boolean NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE versions (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  seq_no         integer NOT NULL,
  label          text NOT NULL,
  note           text NOT NULL,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  amendment_ids  jsonb NOT NULL,
  sections       jsonb NOT NULL,
  content_hash   text NOT NULL,
  visibility     text NOT NULL,
  PRIMARY KEY (negotiation_id, id),
  UNIQUE (negotiation_id, seq_no)
);

CREATE TABLE version_points (
  negotiation_id uuid NOT NULL,
  version_id     uuid NOT NULL,
  point_id       uuid NOT NULL,
  ord            integer NOT NULL,
  number         text NOT NULL,
  section_id     uuid,
  texts          jsonb NOT NULL,
  tags           jsonb NOT NULL,
  illustrative   boolean NOT NULL,
  visibility     text NOT NULL,
  PRIMARY KEY (negotiation_id, version_id, point_id)
);

CREATE TABLE version_initials (
  negotiation_id uuid NOT NULL,
  version_id     uuid NOT NULL,
  party_id       uuid NOT NULL,
  member_id      uuid NOT NULL,
  content_hash   text NOT NULL,
  at             timestamptz NOT NULL,
  visibility     text NOT NULL,
  PRIMARY KEY (negotiation_id, version_id, party_id)
);

CREATE TABLE amendments (
  negotiation_id    uuid NOT NULL,
  id                uuid NOT NULL,
  party_id          uuid NOT NULL,
  base_version_id   uuid,
  kind              text NOT NULL,
  point_id          uuid,
  texts             jsonb NOT NULL,
  base_texts        jsonb,
  after_point_id    uuid,
  number            text,
  justification     text NOT NULL,
  status            text NOT NULL,
  visibility        text NOT NULL,
  created_by        uuid NOT NULL,
  created_at        timestamptz NOT NULL,
  decided_at        timestamptz,
  rejection_reason  text,
  result_point_id   uuid,
  result_version_id uuid,
  PRIMARY KEY (negotiation_id, id)
);

-- One row per position ever taken: a change is a new row, so history is the table itself.
CREATE TABLE positions (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  party_id       uuid NOT NULL,
  point_id       uuid,
  amendment_id   uuid,
  version_id     uuid,
  level          text NOT NULL CHECK (level IN ('accept', 'discuss', 'wording', 'reject', 'redline')),
  reason         text NOT NULL,
  visibility     text NOT NULL,
  set_by         uuid NOT NULL,
  at             timestamptz NOT NULL,
  previous_id    uuid,
  seq            integer NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);
CREATE INDEX positions_target ON positions (negotiation_id, party_id, point_id, seq);

CREATE TABLE rounds (
  negotiation_id        uuid NOT NULL,
  id                    uuid NOT NULL,
  title                 jsonb NOT NULL,
  starts_at             timestamptz NOT NULL,
  ends_at               timestamptz,
  duration_minutes      integer,
  place                 jsonb NOT NULL,
  format                text NOT NULL,
  party_ids             jsonb NOT NULL,
  attendee_ids          jsonb NOT NULL,
  non_disclosure        boolean NOT NULL,
  confidentiality_terms jsonb NOT NULL,
  public_readout        jsonb NOT NULL,
  point_ids             jsonb NOT NULL,
  visibility            text NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE readouts (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  round_id       uuid NOT NULL,
  party_id       uuid,
  text           jsonb NOT NULL,
  visibility     text NOT NULL,
  written_by     uuid NOT NULL,
  at             timestamptz NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);

CREATE TABLE statements (
  negotiation_id  uuid NOT NULL,
  id              uuid NOT NULL,
  person_id       uuid,
  speaker_as_named text NOT NULL,
  party_id        uuid,
  quote           text NOT NULL,
  lang            text NOT NULL,
  translations    jsonb NOT NULL,
  kind            text NOT NULL,
  source          jsonb NOT NULL,
  date            date NOT NULL,
  point_ids       jsonb NOT NULL,
  stance          text,
  visibility      text NOT NULL DEFAULT 'public',
  PRIMARY KEY (negotiation_id, id)
);

-- Row-level security. Tables with a visibility column use it; the others hold what every
-- member of the negotiation sees ('parties'). The migrating role owns the tables and is not
-- subject to RLS (replay, import, verify run as it); parley_app always is.
DO $$
DECLARE
  t text;
  owner_col text;
  vis_col text;
BEGIN
  FOREACH t IN ARRAY ARRAY['negotiations', 'events', 'parties', 'persons', 'members', 'sections', 'points',
                           'versions', 'version_points', 'version_initials', 'amendments', 'positions',
                           'rounds', 'readouts', 'statements']
  LOOP
    SELECT CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = t AND column_name = 'party_id'
                               AND table_schema = current_schema() AND t NOT IN ('persons', 'members', 'statements'))
                THEN 'party_id' ELSE 'NULL::uuid' END,
           CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = t AND column_name = 'visibility'
                               AND table_schema = current_schema())
                THEN 'visibility' ELSE '''parties''' END
      INTO owner_col, vis_col;
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO parley_app USING (parley_visible(negotiation_id, %s, %s))',
                   t || '_read', t, owner_col, vis_col);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO parley_app WITH CHECK (parley_may_write(negotiation_id, %s, %s))',
                   t || '_insert', t, owner_col, vis_col);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO parley_app USING (parley_visible(negotiation_id, %s, %s)) WITH CHECK (parley_may_write(negotiation_id, %s, %s))',
                   t || '_update', t, owner_col, vis_col, owner_col, vis_col);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO parley_app', t);
  END LOOP;
END
$$;

-- Positions are the heart of confidentiality: a party writes only its own, whoever asks.
DROP POLICY positions_insert ON positions;
CREATE POLICY positions_insert ON positions FOR INSERT TO parley_app
  WITH CHECK (negotiation_id::text = parley_viewer('negotiation') AND party_id::text = parley_viewer('party'));

-- The log is append-only for the app: no UPDATE policy, no UPDATE or DELETE grant.
DROP POLICY events_update ON events;
REVOKE UPDATE ON events FROM parley_app;

-- Heads are bookkeeping, not content: the app may read and advance its negotiation's head.
ALTER TABLE negotiation_heads ENABLE ROW LEVEL SECURITY;
CREATE POLICY heads_rw ON negotiation_heads TO parley_app
  USING (negotiation_id::text = parley_viewer('negotiation'))
  WITH CHECK (negotiation_id::text = parley_viewer('negotiation'));
GRANT SELECT, INSERT, UPDATE ON negotiation_heads TO parley_app;
GRANT USAGE ON SCHEMA public TO parley_app;
