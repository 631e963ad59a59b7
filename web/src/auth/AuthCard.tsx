import { LanguageSwitcher } from '../app/LanguageSwitcher.tsx';
import { Icon } from '../ui/icons.tsx';

/** The card the signed-out pages (sign-in, invitation) sit in: brand and language first. */
export function AuthCard({ children }: { children: React.ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-top">
          <span className="brand"><Icon name="scales" className="brand-mark" /> Parley</span>
          <LanguageSwitcher />
        </div>
        {children}
      </div>
    </main>
  );
}
