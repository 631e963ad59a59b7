import { describe, expect, it } from 'vitest';
import { codeOf } from '../testing/factory.ts';
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('asks for at least 12 characters and nothing about their kind', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(passwordProblem('a'.repeat(11), 'x@y.z')).toMatch(/at least 12 characters.*has 11/);
    expect(passwordProblem('a'.repeat(12), 'x@y.z')).toBeNull();
    expect(passwordProblem('correct horse battery', 'x@y.z')).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    // 11 emoji are 22 UTF-16 units but 11 characters: too short.
    expect(passwordProblem('🔑'.repeat(11), 'x@y.z')).toMatch(/has 11/);
    expect(passwordProblem('пароль-длинный', 'x@y.z')).toBeNull();
  });

  it('refuses the email address itself, in any case', () => {
    expect(passwordProblem('Witkoff@Demo.Parley', 'witkoff@demo.parley')).toMatch(/email/);
    expect(passwordProblem(' witkoff@demo.parley ', 'witkoff@demo.parley')).toMatch(/email/);
  });

  it('refuses blank and over-long passwords', () => {
    expect(passwordProblem(' '.repeat(14), 'x@y.z')).toMatch(/spaces/);
    expect(passwordProblem('a'.repeat(PASSWORD_MAX + 1), 'x@y.z')).toMatch(/at most/);
  });

  it('checkPassword throws invalid_input', () => {
    expect(codeOf(() => checkPassword('short', 'x@y.z'))).toBe('invalid_input');
    expect(codeOf(() => checkPassword('long enough password', 'x@y.z'))).toBe('no error');
  });
});
