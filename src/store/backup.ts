/**
 * Backup is logical: one verified export per negotiation plus a manifest, so a backup
 * taken from PGlite restores into PostgreSQL and the other way round. Restore checks every
 * file before writing anything and writes all negotiations in one transaction.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ParleyError } from '../domain/errors.ts';
import type { Database } from './database.ts';
import { listNegotiationIds } from './event-log.ts';
import { exportNegotiation, importInTransaction, parseExport } from './transfer.ts';
import { forgetState } from './state-loader.ts';

const Manifest = z.object({
  format: z.literal('parley.backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  negotiations: z.array(z.object({ id: z.uuid(), file: z.string().regex(/^[0-9a-f-]{36}\.json$/), seq: z.number().int(), hash: z.string() })),
});

export type Progress = (done: number, total: number) => void;

export async function backup(db: Database, dir: string, progress: Progress = () => undefined): Promise<z.infer<typeof Manifest>> {
  mkdirSync(dir, { recursive: true });
  if (existsSync(join(dir, 'manifest.json'))) {
    throw new ParleyError('already_exists', `${dir} already holds a backup; choose an empty directory so no backup is overwritten.`);
  }
  const ids = await listNegotiationIds(db);
  const entries = [];
  for (const [i, id] of ids.entries()) {
    const file = await exportNegotiation(db, id);
    const name = `${id}.json`;
    writeFileSync(join(dir, name), JSON.stringify(file));
    entries.push({ id, file: name, seq: file.head.seq, hash: file.head.hash });
    progress(i + 1, ids.length);
  }
  const manifest = { format: 'parley.backup' as const, formatVersion: 1 as const, createdAt: new Date().toISOString(), negotiations: entries };
  // The manifest is written last: a backup interrupted half-way has none and cannot be restored by mistake.
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export async function restore(db: Database, dir: string, progress: Progress = () => undefined): Promise<{ restored: string[]; skipped: string[] }> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    const hint = existsSync(dir) && readdirSync(dir).length > 0 ? ' (it has files but no manifest.json: the backup may be incomplete)' : '';
    throw new ParleyError('invalid_import', `${dir} is not a Parley backup${hint}.`);
  }
  let manifest: z.infer<typeof Manifest>;
  try {
    manifest = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch {
    throw new ParleyError('invalid_import', `${manifestPath} is not a valid Parley backup manifest.`);
  }
  const files = manifest.negotiations.map((entry) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, entry.file), 'utf8'));
    } catch {
      throw new ParleyError('invalid_import', `The backup file ${entry.file} is missing or not JSON; nothing was restored.`);
    }
    const file = parseExport(data);
    if (file.negotiationId !== entry.id || file.head.hash !== entry.hash) {
      throw new ParleyError('invalid_import', `The backup file ${entry.file} does not match the manifest; nothing was restored.`);
    }
    return file;
  });
  const restored: string[] = [];
  const skipped: string[] = [];
  await db.transaction(async (tx) => {
    for (const [i, file] of files.entries()) {
      const head = await tx.query<{ last_hash: string }>('SELECT last_hash FROM negotiation_heads WHERE negotiation_id = $1', [file.negotiationId]);
      if (head[0]) {
        // Restoring twice is harmless; restoring over a negotiation that moved on is refused.
        if (head[0].last_hash === file.head.hash) { skipped.push(file.negotiationId); continue; }
        throw new ParleyError('already_exists', `Negotiation ${file.negotiationId} exists here with a different record; nothing was restored.`);
      }
      await importInTransaction(tx, file);
      restored.push(file.negotiationId);
      progress(i + 1, files.length);
    }
  });
  restored.forEach((id) => forgetState(db, id));
  return { restored, skipped };
}
