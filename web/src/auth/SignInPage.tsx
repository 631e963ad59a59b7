import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { AuthCard } from './AuthCard.tsx';
import { ErrorMessage } from '../ui/feedback.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { signIn } from './session.ts';

/** Only a same-site path may be a return address: no open redirect through ?next=. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth:signIn.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), totp: useId() };

  async function submit(e: React.SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ email, password, ...(needsTotp ? { totp } : {}) });
      await qc.invalidateQueries({ queryKey: ['me'] });
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      // The server asks for the second factor only once the password is right.
      if (err instanceof ApiError && err.code === 'totp_required') {
        setNeedsTotp(true);
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard>
        <h1>{t('auth:signIn.title')}</h1>
        <p className="muted">{t('auth:signIn.lead')}</p>
        <form onSubmit={(e) => void submit(e)} className="form">
          <label htmlFor={ids.email}>{t('auth:email')}</label>
          <input id={ids.email} type="email" dir="ltr" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <label htmlFor={ids.password}>{t('auth:password')}</label>
          <input id={ids.password} type="password" dir="ltr" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          {needsTotp && (
            <>
              <label htmlFor={ids.totp}>{t('auth:totp')}</label>
              <p className="hint" id={`${ids.totp}-hint`}>{t('auth:totpHint')}</p>
              <input id={ids.totp} inputMode="numeric" dir="ltr" autoComplete="one-time-code" pattern="[0-9 ]{6,8}" required autoFocus aria-describedby={`${ids.totp}-hint`} value={totp} onChange={(e) => setTotp(e.target.value)} />
            </>
          )}
          <ErrorMessage error={error} />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('auth:signIn.busy') : t('auth:signIn.submit')}
          </button>
        </form>
        <p className="muted small">{t('auth:signIn.invited')} <Link to="/invitations/accept">{t('auth:signIn.acceptInvitation')}</Link></p>
    </AuthCard>
  );
}
