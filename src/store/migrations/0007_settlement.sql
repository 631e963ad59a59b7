-- Settlement analysis (docs/settlement.md). Four tables:
--   settlement_spaces       the mediator's issue space and the agreed baseline; every party reads it.
--   settlement_submissions  who has submitted scores, when, and whom it lets see its satisfaction.
--   settlement_packages     every package the mediator has seen, at 'mediator' or 'parties' visibility.
--   settlement_scores       each party's sealed scores. The one table the mediator cannot read:
--     as parley_app only the owning party's members reach a row (the mediator's office sees
--     owner-less 'party' rows elsewhere; here every row has an owner and the policy says so
--     again), and the engine reads through its own role, parley_engine, which can read the
--     settlement tables of the negotiation it was set to and nothing else: not the log, not
--     positions, not accounts.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_engine') THEN
    CREATE ROLE parley_engine NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  EXECUTE format('GRANT parley_engine TO %I', current_user);
END
$$;

CREATE TABLE settlement_spaces (
  negotiation_id      uuid PRIMARY KEY,
  party_ids           jsonb NOT NULL,
  issues              jsonb NOT NULL,
  saved_by            uuid,
  saved_at            timestamptz NOT NULL,
  -- seq of the event that saved the space: scores made for an earlier space are stale.
  space_seq           integer NOT NULL,
  baseline_package_id uuid,
  visibility          text NOT NULL DEFAULT 'parties' CHECK (visibility = 'parties')
);

CREATE TABLE settlement_submissions (
  negotiation_id uuid NOT NULL,
  party_id       uuid NOT NULL,
  share          text NOT NULL CHECK (share IN ('none', 'mediator', 'parties')),
  submitted_by   uuid,
  at             timestamptz NOT NULL,
  space_seq      integer NOT NULL,
  visibility     text NOT NULL DEFAULT 'parties' CHECK (visibility = 'parties'),
  PRIMARY KEY (negotiation_id, party_id)
);

CREATE TABLE settlement_packages (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  label          text NOT NULL,
  source         text NOT NULL,
  package        jsonb NOT NULL,
  visibility     text NOT NULL CHECK (visibility IN ('mediator', 'parties')),
  recorded_by    uuid,
  at             timestamptz NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);
CREATE INDEX settlement_packages_by_time ON settlement_packages (negotiation_id, at);

CREATE TABLE settlement_scores (
  negotiation_id uuid NOT NULL,
  party_id       uuid NOT NULL,
  scores         jsonb NOT NULL,
  share          text NOT NULL CHECK (share IN ('none', 'mediator', 'parties')),
  submitted_by   uuid,
  at             timestamptz NOT NULL,
  -- seq of the event that sealed them: the party's basedOn for its next edit.
  revision       integer NOT NULL,
  visibility     text NOT NULL DEFAULT 'party' CHECK (visibility = 'party'),
  PRIMARY KEY (negotiation_id, party_id)
);

ALTER TABLE settlement_spaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE settlement_submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE settlement_packages ENABLE ROW LEVEL SECURITY;
ALTER TABLE settlement_scores ENABLE ROW LEVEL SECURITY;

CREATE POLICY settlement_spaces_read ON settlement_spaces FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility));
CREATE POLICY settlement_spaces_insert ON settlement_spaces FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility));
CREATE POLICY settlement_spaces_update ON settlement_spaces FOR UPDATE TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility)) WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility));
GRANT SELECT, INSERT, UPDATE ON settlement_spaces TO parley_app;

CREATE POLICY settlement_submissions_read ON settlement_submissions FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, party_id, visibility));
CREATE POLICY settlement_submissions_insert ON settlement_submissions FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'));
CREATE POLICY settlement_submissions_update ON settlement_submissions FOR UPDATE TO parley_app
  USING (parley_visible(negotiation_id, party_id, visibility))
  WITH CHECK (parley_may_write(negotiation_id, party_id, visibility) AND party_id::text = parley_viewer('party'));
GRANT SELECT, INSERT, UPDATE ON settlement_submissions TO parley_app;

CREATE POLICY settlement_packages_read ON settlement_packages FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility));
CREATE POLICY settlement_packages_insert ON settlement_packages FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility));
CREATE POLICY settlement_packages_update ON settlement_packages FOR UPDATE TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility)) WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility));
GRANT SELECT, INSERT, UPDATE ON settlement_packages TO parley_app;

-- Sealed scores: the owning party only, whoever else asks (the mediator included).
CREATE POLICY settlement_scores_read ON settlement_scores FOR SELECT TO parley_app
  USING (negotiation_id::text = parley_viewer('negotiation') AND party_id::text = parley_viewer('party'));
CREATE POLICY settlement_scores_insert ON settlement_scores FOR INSERT TO parley_app
  WITH CHECK (negotiation_id::text = parley_viewer('negotiation') AND party_id::text = parley_viewer('party'));
CREATE POLICY settlement_scores_update ON settlement_scores FOR UPDATE TO parley_app
  USING (negotiation_id::text = parley_viewer('negotiation') AND party_id::text = parley_viewer('party'))
  WITH CHECK (negotiation_id::text = parley_viewer('negotiation') AND party_id::text = parley_viewer('party'));
GRANT SELECT, INSERT, UPDATE ON settlement_scores TO parley_app;

-- The engine: read-only, one negotiation at a time, the settlement tables only.
CREATE POLICY settlement_scores_engine ON settlement_scores FOR SELECT TO parley_engine
  USING (negotiation_id::text = parley_viewer('negotiation'));
CREATE POLICY settlement_spaces_engine ON settlement_spaces FOR SELECT TO parley_engine
  USING (negotiation_id::text = parley_viewer('negotiation'));
CREATE POLICY settlement_submissions_engine ON settlement_submissions FOR SELECT TO parley_engine
  USING (negotiation_id::text = parley_viewer('negotiation'));
CREATE POLICY settlement_packages_engine ON settlement_packages FOR SELECT TO parley_engine
  USING (negotiation_id::text = parley_viewer('negotiation'));
GRANT SELECT ON settlement_scores, settlement_spaces, settlement_submissions, settlement_packages TO parley_engine;
