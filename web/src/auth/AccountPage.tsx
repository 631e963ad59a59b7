/** My account: two-factor sign-in (TOTP) and password. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../api/client.ts';
import { PasswordChangeOut, TotpSetupOut, TotpStatusOut } from '../../../src/protocol/accounts.schema.ts';
import { ErrorMessage } from '../ui/feedback.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useMe } from './session.ts';

export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth:account.title'));
  const me = useMe();
  const account = me.data?.account;
  if (!account) return null;
  return (
    <section className="page narrow">
      <h1>{t('auth:account.title')}</h1>
      <dl className="facts">
        <dt>{t('auth:email')}</dt><dd dir="ltr">{account.email}</dd>
        <dt>{t('auth:account.name')}</dt><dd><bdi>{account.displayName}</bdi></dd>
      </dl>
      <TotpSection enabled={account.totpEnabled} />
      <PasswordSection />
    </section>
  );
}

function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [setup, setSetup] = useState<z.infer<typeof TotpSetupOut> | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { code: useId(), password: useId() };

  const run = async (f: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await f();
      setDone(message);
      setCode('');
      setPassword('');
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card" aria-labelledby="totp-h">
      <h2 id="totp-h">{t('auth:account.totp')}</h2>
      <p>{enabled ? t('auth:account.totpOn') : t('auth:account.totpOff')}</p>
      {!enabled && !setup && (
        <button type="button" className="button" onClick={() => void api.post('/api/account/totp/setup', TotpSetupOut).then(setSetup, setError)}>
          {t('auth:account.totpStart')}
        </button>
      )}
      {!enabled && setup && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); void run(() => api.post('/api/account/totp/enable', TotpStatusOut, { code }).then(() => setSetup(null)), t('auth:account.totpEnabled')); }}>
          <p>{t('auth:account.totpSecret')}</p>
          <code className="secret" dir="ltr">{setup.secret}</code>
          <label htmlFor={ids.code}>{t('auth:totp')}</label>
          <input id={ids.code} inputMode="numeric" dir="ltr" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="button primary">{t('auth:account.totpEnable')}</button>
        </form>
      )}
      {enabled && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); void run(() => api.post('/api/account/totp/disable', TotpStatusOut, { password, code }), t('auth:account.totpDisabled')); }}>
          <label htmlFor={ids.password}>{t('auth:password')}</label>
          <input id={ids.password} type="password" dir="ltr" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <label htmlFor={ids.code}>{t('auth:totp')}</label>
          <input id={ids.code} inputMode="numeric" dir="ltr" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="button">{t('auth:account.totpDisable')}</button>
        </form>
      )}
      <ErrorMessage error={error} />
      {done && <p role="status" className="success">{done}</p>}
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = { current: useId(), next: useId() };
  return (
    <section className="card" aria-labelledby="pw-h">
      <h2 id="pw-h">{t('auth:account.password')}</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          setDone(null);
          void api.post('/api/account/password', PasswordChangeOut, { currentPassword: current, newPassword: next })
            .then((r) => { setDone(t('auth:account.passwordChanged', { count: r.sessionsRevoked })); setCurrent(''); setNext(''); }, setError);
        }}
      >
        <label htmlFor={ids.current}>{t('auth:account.currentPassword')}</label>
        <input id={ids.current} type="password" dir="ltr" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        <label htmlFor={ids.next}>{t('auth:invitation.newPassword')}</label>
        <input id={ids.next} type="password" dir="ltr" autoComplete="new-password" required minLength={12} value={next} onChange={(e) => setNext(e.target.value)} />
        <ErrorMessage error={error} />
        {done && <p role="status" className="success">{done}</p>}
        <button type="submit" className="button">{t('auth:account.changePassword')}</button>
      </form>
    </section>
  );
}
