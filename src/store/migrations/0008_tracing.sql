-- Leak tracing (docs/tracing.md).
--   fingerprint_variants   wording variants a drafter approved on a version: the mediator's alone.
--   fingerprint_secrets    one secret per fingerprinted document, from which every slot's bias and
--                          every recipient's bit are derived: no grant to the app role at all.
--   issued_copies          every recipient's copy: who, which document, language, format, and the
--                          variants it carried; read like the access log it sits beside.

CREATE TABLE fingerprint_variants (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  version_id     uuid NOT NULL,
  point_id       uuid NOT NULL,
  lang           text NOT NULL,
  start_at       integer NOT NULL CHECK (start_at >= 0),
  end_at         integer NOT NULL CHECK (end_at > start_at),
  original       text NOT NULL,
  alternative    text NOT NULL,
  kind           text NOT NULL,
  approved_by    uuid,
  at             timestamptz NOT NULL,
  -- A revoked variant stays: copies issued while it held are still read against it.
  revoked_at     timestamptz,
  visibility     text NOT NULL DEFAULT 'mediator' CHECK (visibility = 'mediator'),
  PRIMARY KEY (negotiation_id, id)
);
CREATE INDEX fingerprint_variants_by_version ON fingerprint_variants (negotiation_id, version_id);

ALTER TABLE fingerprint_variants ENABLE ROW LEVEL SECURITY;
CREATE POLICY fingerprint_variants_read ON fingerprint_variants FOR SELECT TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility));
CREATE POLICY fingerprint_variants_insert ON fingerprint_variants FOR INSERT TO parley_app
  WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility) AND parley_viewer('mediator') = 'on');
CREATE POLICY fingerprint_variants_update ON fingerprint_variants FOR UPDATE TO parley_app
  USING (parley_visible(negotiation_id, NULL::uuid, visibility))
  WITH CHECK (parley_may_write(negotiation_id, NULL::uuid, visibility) AND parley_viewer('mediator') = 'on');
GRANT SELECT, INSERT, UPDATE ON fingerprint_variants TO parley_app;

CREATE TABLE fingerprint_secrets (
  negotiation_id uuid NOT NULL,
  doc_kind       text NOT NULL CHECK (doc_kind IN ('version', 'readout')),
  doc_id         uuid NOT NULL,
  secret         bytea NOT NULL CHECK (length(secret) = 32),
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (negotiation_id, doc_kind, doc_id)
);
-- No policy and no grant: only the owning role (store/fingerprints.ts) reads a secret.
ALTER TABLE fingerprint_secrets ENABLE ROW LEVEL SECURITY;

CREATE TABLE issued_copies (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  doc_kind       text NOT NULL CHECK (doc_kind IN ('version', 'readout')),
  doc_id         uuid NOT NULL,
  lang           text NOT NULL,
  account_id     uuid NOT NULL,
  member_id      uuid,
  format         text NOT NULL,
  variant_ids    jsonb NOT NULL DEFAULT '[]',
  slots          integer NOT NULL,
  access_id      uuid,
  at             timestamptz NOT NULL,
  PRIMARY KEY (negotiation_id, id)
);
CREATE INDEX issued_copies_by_doc ON issued_copies (negotiation_id, doc_kind, doc_id, lang);

ALTER TABLE issued_copies ENABLE ROW LEVEL SECURITY;
CREATE POLICY issued_copies_read ON issued_copies FOR SELECT TO parley_app
  USING (negotiation_id::text = parley_viewer('negotiation')
         AND (parley_viewer('mediator') = 'on' OR member_id::text = parley_viewer('member')));
CREATE POLICY issued_copies_insert ON issued_copies FOR INSERT TO parley_app
  WITH CHECK (negotiation_id::text = parley_viewer('negotiation') AND member_id::text = parley_viewer('member'));
GRANT SELECT, INSERT ON issued_copies TO parley_app;
