/** Shapes shared by many routes: ids in paths, what a write answers, pages. */
import { z } from 'zod';

export const NegotiationParams = z.object({ id: z.uuid({ error: 'is not a negotiation id' }) });
export const EntityParams = <K extends string>(name: K) =>
  NegotiationParams.extend({ [name]: z.uuid({ error: `is not a valid ${name.replace(/Id$/, '')} id` }) } as Record<K, z.ZodUUID>);

/** What every write answers: the events it recorded and the id of what it created, if any. */
export const Written = z.object({
  seq: z.number().int().describe('seq of the last event the write recorded'),
  id: z.string().nullable().describe('id of the entity created or changed'),
  events: z.array(z.object({ seq: z.number().int(), type: z.string() })),
});
export type Written = z.infer<typeof Written>;
