/**
 * For the canary crawl: unique marker strings planted in confidential fields, the oracle of
 * who may see each (the domain's `canSee`), and every GET of the OpenAPI document expanded
 * over real ids, so every item route is visited with every id of its kind.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Visibility } from '../../src/domain/model.ts';
import { canSee } from '../../src/domain/policy/visibility.ts';
import { API_VERSION } from '../../src/server/app.ts';
import { buildOpenApi } from '../../src/server/openapi.ts';
import { allRoutes } from '../../src/server/routes/index.ts';
import type { MemberActor } from './seats.ts';

export interface Canary {
  value: string;
  negotiationId: string;
  /** The party that owns the item; null for the mediator's office or the negotiation as a whole. */
  owner: string | null;
  visibility: Visibility;
  /** Carried by an event of the log (and so by the live channel), not only by a table. */
  inLog: boolean;
  /**
   * Seeing is not always reaching: where a route shows a visible item only to some roles
   * (invitations: the mediator and the inviting party's principal), who must find it.
   */
  reachableBy?: (viewer: MemberActor) => boolean;
}

const CANARY = /CANARY-[A-Z]+-[a-z]+-(?:party|mediator|parties|public)-[0-9a-f]{12}/g;

export class CanaryRegistry {
  readonly all = new Map<string, Canary>();

  /** `CANARY-<owner>-<field>-<visibility>-<random>`; `field` in lower-case letters. */
  make(label: string, field: string, c: Omit<Canary, 'value' | 'inLog'> & { inLog?: boolean }): string {
    if (!/^[A-Z]+$/.test(label) || !/^[a-z]+$/.test(field)) throw new Error(`bad canary label ${label} or field ${field}`);
    const value = `CANARY-${label}-${field}-${c.visibility}-${randomBytes(6).toString('hex')}`;
    this.all.set(value, { value, inLog: true, ...c });
    return value;
  }

  /** Every canary in a text; one the registry does not know is reported as found too. */
  static scan(text: string): string[] {
    return text.match(CANARY) ?? [];
  }

  /** May this member see the canary, by the domain's rule? Members see nothing of another negotiation. */
  static visibleTo(viewer: MemberActor, negotiationId: string, c: Canary): boolean {
    return c.negotiationId === negotiationId && canSee(viewer, { visibility: c.visibility, partyId: c.owner });
  }
}

export interface Fetched { method: string; url: string; operationId: string; status: number; contentType: string; body: string }

interface OpenApiParameter { name: string; in: 'path' | 'query'; schema: { enum?: unknown[]; format?: string; type?: string } }
interface OpenApiOperation { operationId: string; parameters: OpenApiParameter[] }

/** Ids by the name of the parameter they fill: `id`, `pointId`, `amendmentId`, ... */
export type IdPool = Record<string, readonly string[]>;

/**
 * Every GET of the OpenAPI document as concrete URLs: each path parameter filled with every
 * id of its kind; each query parameter that names ids or has an enumeration tried once per
 * value on top of the plain call. A path parameter with no ids in the pool fails, so a new
 * item route cannot be skipped.
 */
const BINARY_FORMATS = new Set(['pdf', 'docx']);

export function getRequests(ids: IdPool): { operationId: string; url: string }[] {
  const doc = buildOpenApi(allRoutes, API_VERSION) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const out: { operationId: string; url: string }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (!op) continue;
    let urls = [path];
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const values = ids[p.name];
      if (!values || values.length === 0) throw new Error(`no ids for path parameter {${p.name}} of ${op.operationId}`);
      urls = urls.flatMap((u) => values.map((v) => u.replace(`{${p.name}}`, encodeURIComponent(v))));
    }
    const variants: string[] = [''];
    for (const q of op.parameters.filter((x) => x.in === 'query')) {
      // Binary formats (PDF, .docx) are compressed: reading their bytes as text for canaries
      // proves nothing, and printing a PDF per seat is slow. Their refusals are checked in
      // test/api/exports.test.ts; the text formats of the same routes are crawled here.
      const values: readonly string[] = q.schema.enum
        ? q.schema.enum.map(String).filter((v) => !(q.name === 'format' && BINARY_FORMATS.has(v)))
        : /Id$/.test(q.name) || q.schema.format === 'uuid'
          ? ids[q.name] ?? (() => { throw new Error(`no ids for query parameter ${q.name} of ${op.operationId}`); })()
          : [];
      for (const v of values) variants.push(`${q.name}=${encodeURIComponent(v)}`);
    }
    for (const u of urls) for (const v of variants) out.push({ operationId: op.operationId, url: v ? `${u}?${v}` : u });
  }
  // Served beside the routes, not one of them.
  out.push({ operationId: 'openapi', url: '/api/openapi.json' });
  return out;
}

/** GETs every URL, following `nextAfter` and `nextCursor` pages to their end. */
export async function crawl(app: FastifyInstance, headers: Record<string, string>, requests: readonly { operationId: string; url: string }[]): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for (const r of requests) {
    let url: string | null = r.url;
    for (let pages = 0; url !== null && pages < 100; pages++) {
      const res: Awaited<ReturnType<FastifyInstance['inject']>> = await app.inject({ method: 'GET', url, headers });
      out.push({ method: 'GET', url, operationId: r.operationId, status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body });
      url = null;
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('application/json')) continue;
      const body: { nextAfter?: unknown; nextCursor?: unknown } = res.json();
      const sep: string = r.url.includes('?') ? '&' : '?';
      if (typeof body.nextAfter === 'number') url = `${r.url}${sep}after=${body.nextAfter}`;
      else if (typeof body.nextCursor === 'string') url = `${r.url}${sep}cursor=${encodeURIComponent(body.nextCursor)}`;
    }
  }
  return out;
}
