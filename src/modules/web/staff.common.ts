// What the staff's pages share: the page's answer (never cached), who may use them (editors and
// the administrator, signed in), and a refused change's status.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from '../../platform/errors/index.js';
import type { SafeHtml } from './html.js';
import type { Lang, Translator } from './i18n.js';
import type { PageInput } from './layout.js';

export type Render = (lang: Lang, input: Omit<PageInput, 't'>) => string;
export type ProblemsList = (err: DomainError, t: Translator) => SafeHtml;
const HTML = 'text/html; charset=utf-8';
export const sendPage = (reply: FastifyReply, body: string, status = 200) =>
  reply.status(status).type(HTML).header('cache-control', 'private, no-store').send(body);

export const editorOnly = (req: FastifyRequest) =>
  req.actor.kind === 'user' &&
  (req.actor.role === 'editor' || req.actor.role === 'admin') &&
  !!req.sessionCsrf;

export const statusOfError = (err: DomainError) =>
  err.category === 'conflict'
    ? 409
    : err.category === 'forbidden'
      ? 403
      : err.category === 'not_found'
        ? 404
        : 422;
