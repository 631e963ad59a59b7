/**
 * What the remote commands share: reading the negotiation a command names, finding a party
 * by its short name and a point by its number (ids work too, and scripts should use them),
 * and picking the text to show from text kept in several languages.
 */
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { NegotiationOverview, PartyOut, PointOut } from '../../protocol/negotiation.schema.ts';
import { requireNegotiationId } from '../negotiation-id.ts';
import { terminalSafe, type ParleyClient } from './client.ts';

const isUuid = (value: string): boolean => z.uuid().safeParse(value).success;

export function negotiationPath(id: string, rest = ''): string {
  return `/api/negotiations/${encodeURIComponent(requireNegotiationId(id))}${rest}`;
}

export async function getNegotiation(client: ParleyClient, id: string): Promise<{ data: z.output<typeof NegotiationOverview>; raw: unknown }> {
  return client.get(negotiationPath(id), NegotiationOverview);
}

export async function listParties(client: ParleyClient, negotiationId: string): Promise<z.output<typeof PartyOut>[]> {
  return (await client.get(negotiationPath(negotiationId, '/parties'), z.object({ items: z.array(PartyOut) }))).data.items;
}

export async function listPoints(client: ParleyClient, negotiationId: string, includeRemoved = false): Promise<z.output<typeof PointOut>[]> {
  const query = includeRemoved ? { includeRemoved: 'true' } : undefined;
  return (await client.get(negotiationPath(negotiationId, '/points'), z.object({ items: z.array(PointOut) }), query)).data.items;
}

/** A party's id from its id or its short name (any case), as `--party` takes it. */
export async function resolvePartyId(client: ParleyClient, negotiationId: string, value: string, option = '--party'): Promise<string> {
  if (isUuid(value)) return value;
  const parties = await listParties(client, negotiationId);
  const wanted = value.trim().toLowerCase();
  const found = parties.find((p) => p.shortName.toLowerCase() === wanted)
    ?? parties.find((p) => Object.values(p.name).some((n) => n.trim().toLowerCase() === wanted));
  if (found) return found.id;
  const known = parties.map((p) => p.shortName).join(', ');
  throw new ParleyError('party_not_found', `${option} "${value}" names no party of this negotiation${known ? `; its parties are ${known}` : ' (it has no parties yet)'}.`);
}

/** A point's id from its id or its current number, as `--point` takes it. */
export async function resolvePointId(client: ParleyClient, negotiationId: string, value: string, option = '--point'): Promise<string> {
  if (isUuid(value)) return value;
  const points = await listPoints(client, negotiationId);
  const found = points.find((p) => p.number === value.trim());
  if (found) return found.id;
  throw new ParleyError('point_not_found', `${option} "${value}" is neither a point id nor the number of a point in the working text (${points.length} point${points.length === 1 ? '' : 's'}).`);
}

/** The text in the first of `langs` that has it, else in any language; made safe for a terminal. */
export function pickText(texts: Readonly<Record<string, string>>, langs: readonly (string | undefined)[]): string {
  for (const lang of langs) {
    const text = lang === undefined ? undefined : texts[lang];
    if (text !== undefined && text.trim() !== '') return terminalSafe(text);
  }
  const any = Object.values(texts).find((t) => t.trim() !== '');
  return any === undefined ? '' : terminalSafe(any);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How many places a cell takes, counting a letter with its combining marks once. */
function width(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** Columns padded to their widest cell; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, width(cell)); });
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell)))).join(gap).trimEnd());
}

/** Comma-separated values from a repeatable or comma-joined option: `--tag a --tag b,c`. */
export function splitList(values: readonly string[] | string | undefined): string[] {
  const list = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  return list.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
