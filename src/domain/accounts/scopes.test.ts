import { describe, expect, it } from 'vitest';
import { codeOf } from '../testing/factory.ts';
import { checkTokenScopes, expandScopes } from './scopes.ts';

describe('scopes', () => {
  it('are ordered: write includes read, admin includes both', () => {
    expect(expandScopes(['read'])).toEqual(['read']);
    expect(expandScopes(['write'])).toEqual(['read', 'write']);
    expect(expandScopes(['admin'])).toEqual(['read', 'write', 'admin']);
    expect(expandScopes(['write', 'read', 'write'])).toEqual(['read', 'write']);
    expect(expandScopes([])).toEqual([]);
  });

  it('a token needs a scope, and only an administrator may issue admin', () => {
    expect(codeOf(() => checkTokenScopes([], true))).toBe('invalid_input');
    expect(codeOf(() => checkTokenScopes(['admin'], false))).toBe('action_denied');
    expect(checkTokenScopes(['admin'], true)).toEqual(['read', 'write', 'admin']);
    expect(checkTokenScopes(['write'], false)).toEqual(['read', 'write']);
  });
});
