/** Every HTTP route of the API, in one list: registered by app.ts, documented by openapi.ts. */
import type { AnyRouteSpec } from '../route.ts';
import { healthRoutes } from './health.routes.ts';
import { accountRoutes } from './account.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { invitationRoutes } from './invitation.routes.ts';
import { mapRoutes } from './map.routes.ts';
import { amendmentRoutes } from './amendments.routes.ts';
import { negotiationRoutes } from './negotiation.routes.ts';
import { noteRoutes } from './notes.routes.ts';
import { pointRoutes } from './points.routes.ts';
import { exportRoutes } from './exports.routes.ts';
import { importRoutes } from './import.routes.ts';
import { positionRoutes } from './positions.routes.ts';
import { recordRoutes } from './record.routes.ts';
import { roundRoutes } from './rounds.routes.ts';
import { statementRoutes } from './statements.routes.ts';
import { settlementRoutes } from './settlement.routes.ts';
import { tracingRoutes } from './tracing.routes.ts';

export const allRoutes: readonly AnyRouteSpec[] = [
  ...healthRoutes,
  ...authRoutes, ...accountRoutes, ...invitationRoutes,
  ...negotiationRoutes,
  ...pointRoutes,
  ...exportRoutes,
  ...importRoutes,
  ...amendmentRoutes,
  ...positionRoutes,
  ...mapRoutes,
  ...roundRoutes,
  ...statementRoutes,
  ...noteRoutes,
  ...settlementRoutes,
  ...tracingRoutes,
  ...recordRoutes,
];
