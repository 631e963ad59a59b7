/** What the notes routes answer: a note as the domain holds it, with its revision. */
import { z } from 'zod';
import { Note } from '../domain/model.ts';

export const NoteOut = Note.extend({
  revision: z.number().int().describe('send back as basedOn to edit or delete it; a stale value gets 409 version_conflict'),
});
export type NoteOut = z.infer<typeof NoteOut>;
