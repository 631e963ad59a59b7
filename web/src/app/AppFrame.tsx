import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../auth/session.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Icon } from '../ui/icons.tsx';

/** The frame of every signed-in page: brand, language, account; then the page. */
export function AppFrame() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">{t('common:skipToContent')}</a>
      <header className="app-header">
        <Link to="/" className="brand">
          <Icon name="scales" className="brand-mark" /> Parley
        </Link>
        <div className="header-tools">
          <LanguageSwitcher />
          {me.data && (
            <>
              <Link to="/account" className="account-link">
                <span className="visually-hidden">{t('common:account')}: </span>
                <bdi>{me.data.account.displayName}</bdi>
              </Link>
              <button
                type="button"
                className="button subtle"
                onClick={() => void signOut().then(() => navigate('/sign-in'))}
              >
                {t('common:signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <div id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </div>
    </>
  );
}
