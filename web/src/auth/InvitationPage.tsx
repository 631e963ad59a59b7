/**
 * Accepting an invitation. The token arrives in the link's fragment (never sent to a
 * server by the browser); a person may paste it instead. Signed in, one click accepts it
 * for this account; signed out, the same form creates an account and signs it in.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client.ts';
import { AcceptInvitationOut } from '../../../src/protocol/accounts.schema.ts';
import { AuthCard } from './AuthCard.tsx';
import { ErrorMessage, Loading } from '../ui/feedback.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useMe } from './session.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth:invitation.title'));
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const [token, setToken] = useState(() => decodeURIComponent(location.hash.replace(/^#/, '')));
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = { token: useId(), email: useId(), name: useId(), password: useId() };

  async function accept(e: React.SyntheticEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = me.data ? { token: token.trim() } : { token: token.trim(), account: { email, displayName, password } };
      const out = await api.post('/api/invitations/accept', AcceptInvitationOut, body);
      if (out.csrfToken) setCsrfToken(out.csrfToken);
      await qc.invalidateQueries();
      void navigate(`/n/${out.negotiationId}`, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (me.isPending) return <Loading />;
  const signedIn = Boolean(me.data);
  return (
    <AuthCard>
        <h1>{t('auth:invitation.title')}</h1>
        <p className="muted">{signedIn ? t('auth:invitation.asAccount', { name: me.data!.account.displayName }) : t('auth:invitation.lead')}</p>
        <form className="form" onSubmit={(e) => void accept(e)}>
          <label htmlFor={ids.token}>{t('auth:invitation.token')}</label>
          <input id={ids.token} dir="ltr" required value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
          {!signedIn && (
            <>
              <label htmlFor={ids.email}>{t('auth:email')}</label>
              <input id={ids.email} type="email" dir="ltr" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
              <label htmlFor={ids.name}>{t('auth:invitation.displayName')}</label>
              <input id={ids.name} dir="auto" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
              <label htmlFor={ids.password}>{t('auth:invitation.newPassword')}</label>
              <input id={ids.password} type="password" dir="ltr" autoComplete="new-password" required minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} />
            </>
          )}
          <ErrorMessage error={error} />
          <button type="submit" className="button primary" disabled={busy}>{t('auth:invitation.accept')}</button>
        </form>
        {!signedIn && (
          <p className="muted small">
            {t('auth:invitation.haveAccount')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent('/invitations/accept' + (token ? '#' + token : ''))}`}>{t('auth:signIn.submit')}</Link>
          </p>
        )}
    </AuthCard>
  );
}
