-- Accounts, sessions, API tokens and invitations. Account-level tables (accounts, sessions,
-- api_tokens, account_log, rate_limits) belong to no negotiation and carry no negotiation_id;
-- they are read and written by the server's own role during authentication, before any
-- viewer exists, and never by parley_app.

CREATE TABLE accounts (
  id                  uuid PRIMARY KEY,
  email               text NOT NULL,
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  is_admin            boolean NOT NULL DEFAULT false,
  totp_secret         text,
  totp_enabled        boolean NOT NULL DEFAULT false,
  -- The last TOTP time step accepted: a code is good once, not for its whole 30 seconds.
  totp_last_step      integer,
  failed_signins      integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  created_at          timestamptz NOT NULL,
  password_changed_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));

-- Only a hash of the session secret is stored: a copy of this table opens no session.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  account_id   uuid NOT NULL REFERENCES accounts (id),
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at   timestamptz,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE api_tokens (
  id             uuid PRIMARY KEY,
  account_id     uuid NOT NULL REFERENCES accounts (id),
  name           text NOT NULL,
  token_hash     text NOT NULL UNIQUE,
  scopes         jsonb NOT NULL,
  negotiation_id uuid,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz,
  revoked_at     timestamptz,
  last_used_at   timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- Sign-ins, failed sign-ins, lockouts, token use: the account's own security record.
CREATE TABLE account_log (
  id         uuid PRIMARY KEY,
  at         timestamptz NOT NULL,
  account_id uuid,
  action     text NOT NULL,
  detail     jsonb NOT NULL DEFAULT '{}',
  ip         text
);
CREATE INDEX account_log_account ON account_log (account_id, at);

-- Fixed-window counters shared by every server on the database (sign-in throttling).
CREATE TABLE rate_limits (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL
);

-- An invitation is a secret link to a seat: its token is stored hashed.
CREATE TABLE invitations (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  token_hash     text NOT NULL UNIQUE,
  party_id       uuid,
  role           text NOT NULL,
  email          text,
  display_name   text NOT NULL,
  invited_by     uuid NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  accepted_at    timestamptz,
  accepted_by    uuid,
  revoked_at     timestamptz,
  PRIMARY KEY (negotiation_id, id)
);

-- Per negotiation: exports, reads of confidential versions, token use within it.
CREATE TABLE access_log (
  negotiation_id uuid NOT NULL,
  id             uuid NOT NULL,
  at             timestamptz NOT NULL,
  account_id     uuid,
  member_id      uuid,
  action         text NOT NULL,
  target         text,
  detail         jsonb NOT NULL DEFAULT '{}',
  ip             text,
  PRIMARY KEY (negotiation_id, id)
);
CREATE INDEX access_log_at ON access_log (negotiation_id, at);

-- Account-level tables hold credentials: parley_app has no grant on them at all, and row-level
-- security with no policy for it is a second lock, should a grant ever be added by mistake.
-- The owning role (the server authenticating a request) is not subject to it.
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limits ENABLE ROW LEVEL SECURITY;

-- Invitations: the mediator's office and the inviting party see them.
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY invitations_read ON invitations FOR SELECT TO parley_app USING (parley_visible(negotiation_id, party_id, 'mediator'));
CREATE POLICY invitations_insert ON invitations FOR INSERT TO parley_app WITH CHECK (parley_may_write(negotiation_id, party_id, 'mediator'));
CREATE POLICY invitations_update ON invitations FOR UPDATE TO parley_app USING (parley_visible(negotiation_id, party_id, 'mediator')) WITH CHECK (parley_may_write(negotiation_id, party_id, 'mediator'));
GRANT SELECT, INSERT, UPDATE ON invitations TO parley_app;

-- The access log is the mediator's to read (and each member's own entries); anyone acting
-- in the negotiation appends to it; nobody changes it.
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_read ON access_log FOR SELECT TO parley_app
  USING (negotiation_id::text = parley_viewer('negotiation')
         AND (parley_viewer('mediator') = 'on' OR member_id::text = parley_viewer('member')));
CREATE POLICY access_log_insert ON access_log FOR INSERT TO parley_app
  WITH CHECK (negotiation_id::text = parley_viewer('negotiation'));
GRANT SELECT, INSERT ON access_log TO parley_app;
