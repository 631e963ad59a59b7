/**
 * What a password must be. Length is what matters (NIST SP 800-63B): at least 12
 * characters, no composition rules. The upper bound keeps one request from costing
 * arbitrary hashing work. A password equal to the account's email is refused because it
 * is the first thing anyone tries.
 */
import { ParleyError } from '../errors.ts';
import { emailKey } from './email.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** Characters as a person counts them (code points after NFC), not UTF-16 units. */
function length(password: string): number {
  let n = 0;
  for (const _ of password.normalize('NFC')) n++;
  return n;
}

/** Why a password is not acceptable, or null when it is. */
export function passwordProblem(password: string, email: string): string | null {
  const n = length(password);
  if (n < PASSWORD_MIN) return `The password must be at least ${PASSWORD_MIN} characters long (it has ${n}).`;
  if (n > PASSWORD_MAX) return `The password must be at most ${PASSWORD_MAX} characters long.`;
  if (password.trim() === '') return 'The password must not be only spaces.';
  if (emailKey(password) === emailKey(email)) return 'The password must not be the email address.';
  return null;
}

export function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new ParleyError('invalid_input', problem, { field: 'password' });
}
