/** The route table. Pages under /n/:id share the negotiation shell (navigation, live channel). */
import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from '../auth/AccountPage.tsx';
import { InvitationPage } from '../auth/InvitationPage.tsx';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { MapPage } from '../pages/map/MapPage.tsx';
import { NegotiationsPage } from '../pages/negotiations/NegotiationsPage.tsx';
import { PointPage } from '../pages/point/PointPage.tsx';
import { RecordPage } from '../pages/record/RecordPage.tsx';
import { RoundPage } from '../pages/rounds/RoundPage.tsx';
import { RoundsPage } from '../pages/rounds/RoundsPage.tsx';
import { SettlementPage } from '../pages/settlement/SettlementPage.tsx';
import { StatementsPage } from '../pages/statements/StatementsPage.tsx';
import { ReadoutCopyPage, VersionCopyPage } from '../pages/tracing/CopyView.tsx';
import { TracingPage } from '../pages/tracing/TracingPage.tsx';
import { ImportReportPage } from '../pages/statements/ImportReportPage.tsx';
import { ReportPage } from '../pages/statements/ReportPage.tsx';
import { ComparePage } from '../pages/versions/ComparePage.tsx';
import { VersionsPage } from '../pages/versions/VersionsPage.tsx';
import { VersionTextsPage } from '../pages/versions/VersionTextsPage.tsx';
import { WorkspacePage } from '../pages/workspace/WorkspacePage.tsx';
import { AppFrame } from './AppFrame.tsx';
import { NegotiationShell } from './NegotiationShell.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/invitations/accept" element={<InvitationPage />} />
      <Route path="/invitation" element={<InvitationPage />} />
      <Route element={<RequireSignIn><AppFrame /></RequireSignIn>}>
        <Route index element={<NegotiationsPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="n/:id" element={<NegotiationShell />}>
          <Route index element={<MapPage />} />
          <Route path="points/:pointId" element={<PointPage />} />
          <Route path="workspace" element={<WorkspacePage />} />
          <Route path="versions" element={<VersionsPage />} />
          <Route path="versions/compare" element={<ComparePage />} />
          <Route path="versions/:versionId" element={<VersionTextsPage />} />
          <Route path="versions/:versionId/copy" element={<VersionCopyPage />} />
          <Route path="readouts/:readoutId/copy" element={<ReadoutCopyPage />} />
          <Route path="rounds" element={<RoundsPage />} />
          <Route path="rounds/:roundId" element={<RoundPage />} />
          <Route path="statements" element={<StatementsPage />} />
          <Route path="statements/import" element={<ImportReportPage />} />
          <Route path="statements/reports/:reportId" element={<ReportPage />} />
          <Route path="settlement" element={<SettlementPage />} />
          <Route path="tracing" element={<TracingPage />} />
          <Route path="record" element={<RecordPage />} />
        </Route>
        <Route path="negotiations" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
