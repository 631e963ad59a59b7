-- "What changed since my last visit": per account and negotiation, the last event seq the
-- account has seen. It holds no negotiation content, but it tells when a person looked at
-- which negotiation, so like the account tables it is no business of parley_app: no grant,
-- and row-level security with no policy as a second lock. Only the server's own role reads
-- and writes it, in the visit routes, after the caller's membership has been checked.
CREATE TABLE visits (
  account_id     uuid NOT NULL REFERENCES accounts (id),
  negotiation_id uuid NOT NULL,
  seen_seq       integer NOT NULL CHECK (seen_seq >= 0),
  seen_at        timestamptz NOT NULL,
  PRIMARY KEY (account_id, negotiation_id)
);
ALTER TABLE visits ENABLE ROW LEVEL SECURITY;
