import { z } from 'zod';
import { ParleyError } from '../domain/errors.ts';

/** Checks `--negotiation` before it reaches SQL, where a malformed id fails as "22P02: invalid input syntax for type uuid". */
export function requireNegotiationId(value: string): string {
  if (!z.uuid().safeParse(value).success) {
    throw new ParleyError('invalid_input', `--negotiation expects a negotiation id such as d5d1f4a1-2c48-4223-9000-000000000001, not "${value}".`);
  }
  return value;
}
