import { Navigate, useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../ui/feedback.tsx';
import { useMe } from './session.ts';

/** Pages behind sign-in: a signed-out visitor goes to /sign-in and comes back after. */
export function RequireSignIn({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <main className="page narrow"><ErrorMessage error={me.error} /></main>;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
