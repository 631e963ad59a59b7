/**
 * The one error type of Parley. The domain and the store raise it with a stable code; the
 * edges map it once: HTTP to `application/problem+json`, the CLI to one line and an exit code.
 * `message` is written for the person who has to act on it, not for the developer.
 */
export const errorCodes = {
  invalid_input: 400,
  unauthenticated: 401,
  totp_required: 401,
  csrf_failed: 403,
  rate_limited: 429,
  account_locked: 423,
  invitation_invalid: 410,
  invalid_import: 400,
  invalid_transition: 409,
  reason_required: 400,
  not_found: 404,
  negotiation_not_found: 404,
  point_not_found: 404,
  party_not_found: 404,
  person_not_found: 404,
  version_not_found: 404,
  amendment_not_found: 404,
  round_not_found: 404,
  member_not_found: 404,
  already_exists: 409,
  version_conflict: 409,
  visibility_denied: 403,
  action_denied: 403,
  file_too_large: 413,
  data_dir_locked: 423,
  chain_broken: 500,
  storage_unavailable: 503,
  /** The settlement cannot be analysed yet: scores missing or made for an earlier issue space. */
  settlement_incomplete: 409,
  /** An export format whose tool (Chromium for PDF) this server lacks. */
  export_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class ParleyError extends Error {
  override readonly name = 'ParleyError';
  readonly code: ErrorCode;
  /** Structured detail for programs (e.g. what changed in a version conflict). */
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.detail = detail;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export function isParleyError(e: unknown): e is ParleyError {
  return e instanceof ParleyError;
}
