/**
 * The one mapping from errors to HTTP: RFC 9457 problem details with the stable code of
 * the ParleyError. Anything unexpected becomes a 500 whose body says nothing internal.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ParleyError } from '../domain/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extra: string]: unknown;
}

export function toProblem(error: unknown, instance?: string): Problem {
  if (error instanceof ParleyError) {
    return { type: `https://parley.dev/problems/${error.code}`, title: error.code.replaceAll('_', ' '), status: error.status, detail: error.message, code: error.code, instance, ...error.detail };
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { type: 'https://parley.dev/problems/invalid_input', title: 'invalid input', status: 400, detail: `${where}${issue?.message ?? 'invalid input'}`, code: 'invalid_input', instance };
  }
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { type: 'https://parley.dev/problems/bad_request', title: 'bad request', status: fe.statusCode, detail: fe.message ?? 'Bad request.', code: 'bad_request', instance };
  }
  return { type: 'https://parley.dev/problems/internal', title: 'internal error', status: 500, detail: 'Something went wrong on the server; the error was logged. Try again, and report it if it persists.', code: 'internal', instance };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const problem = toProblem(error, request.url);
  if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
