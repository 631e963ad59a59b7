import { describe, expect, it } from 'vitest';
import { errorCodes, isParleyError, ParleyError } from './errors.ts';

describe('ParleyError', () => {
  it('carries a stable code, an HTTP status, a message and detail', () => {
    const e = new ParleyError('version_conflict', 'Reload and try again.', { expected: 'abc' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'ParleyError', code: 'version_conflict', status: 409, message: 'Reload and try again.', detail: { expected: 'abc' } });
    expect(new ParleyError('point_not_found', 'x').detail).toBeUndefined();
  });

  it('maps every code to an HTTP error status', () => {
    for (const [code, status] of Object.entries(errorCodes)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
    expect(new ParleyError('action_denied', 'x').status).toBe(403);
    expect(new ParleyError('invalid_input', 'x').status).toBe(400);
  });

  it('is recognized by isParleyError, and nothing else is', () => {
    expect(isParleyError(new ParleyError('not_found', 'x'))).toBe(true);
    expect(isParleyError(new Error('x'))).toBe(false);
    expect(isParleyError({ code: 'not_found', message: 'x' })).toBe(false);
  });
});
