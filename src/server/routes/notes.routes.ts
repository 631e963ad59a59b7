import { z } from 'zod';
import { EditNoteInput } from '../../domain/notes/edit-note.ts';
import { WriteNoteInput } from '../../domain/notes/write-note.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { NoteOut } from '../../protocol/notes.schema.ts';
import { listNotes } from '../../store/queries/notes.queries.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { readAsMember, runAsMember } from './command.ts';

const tags = ['notes'];
const NoteParams = EntityParams('noteId');

export const noteRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/notes', operationId: 'listNotes', summary: "My party's private notes, newest first (only my party ever sees them)", tags, auth: 'read',
    params: NegotiationParams,
    query: ListQuery.extend({
      pointId: z.uuid().optional(), amendmentId: z.uuid().optional(), roundId: z.uuid().optional(),
      general: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('true: only notes about no point, amendment or round'),
    }),
    response: Page(NoteOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listNotes(tx, params.id, query)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/notes', operationId: 'writeNote', summary: 'Write a private note for my party, alone or on a point, an amendment or a round', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: WriteNoteInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'writeNote', input: body }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/notes/:noteId', operationId: 'editNote', summary: "Change one of my party's notes (send basedOn)", tags, auth: 'write',
    params: NoteParams, body: EditNoteInput.omit({ noteId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'editNote', input: { ...body, noteId: params.noteId } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/negotiations/:id/notes/:noteId', operationId: 'deleteNote', summary: "Delete one of my party's notes (the record keeps it; send basedOn)", tags, auth: 'write',
    params: NoteParams, query: z.object({ basedOn: z.coerce.number().int().nonnegative().optional().describe('the revision I saw; stale gets 409') }), response: Written,
    handler: ({ deps, auth, params, query }) => runAsMember(deps, auth!, params.id, { name: 'deleteNote', input: { noteId: params.noteId, ...(query.basedOn === undefined ? {} : { basedOn: query.basedOn }) } }),
  }),
];
