/** The signed-in account, from /api/auth/me; null when signed out. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import { MeOut, SessionOut } from '../api/schemas.ts';
import type { z } from 'zod';

export type Me = z.infer<typeof MeOut>;

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get('/api/auth/me', MeOut);
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export async function signIn(body: { email: string; password: string; totp?: string }) {
  const s = await api.post('/api/auth/sign-in', SessionOut, body);
  setCsrfToken(s.csrfToken);
  return s;
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await api.post('/api/auth/sign-out', null).catch(() => undefined);
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(['me'], null);
  };
}
