import { clientAddressOf, type AddressOf } from '../net/client-address';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleCommand, ErrorBody, JoinSessionReply, SessionCreated } from '../../protocol';
import { cleanName, HttpError, readJson, sendJson } from '../lobby/http';
import { RateLimiter } from '../net/limits';
import { sessionExport } from './export-route';
import { CardError, type SessionManager } from './manager';

export interface SessionRouteOptions {
  /** The address group a request counts against (trusted proxies: net/client-address.ts). */
  addressOf?: AddressOf;
  publicUrl?: string;
  /** Writes per second per address, and burst (a class joining from one NAT needs room). */
  writesPerSecond?: number;
  writeBurst?: number;
  /** Wrong session codes per minute per address, and burst. */
  codeMissesPerMinute?: number;
  codeMissBurst?: number;
}

const SESSION = /^\/api\/sessions\/([A-Za-z0-9_-]{1,64})\/([a-z]+)(?:\/([0-9]{1,3}))?$/;
const CODE = /^\/api\/sessions\/code\/([A-Za-z0-9]{4,16})$/;

const bearer = (req: IncomingMessage): string | undefined => {
  const v = req.headers.authorization;
  return typeof v === 'string' && v.startsWith('Bearer ') ? v.slice(7) : undefined;
};

/**
 * The sessions' HTTP routes under /api/sessions: create (anyone: the reply's token makes its
 * holder the facilitator), join with a code and a name, a student's own snapshot, and the
 * console's reads and commands (the facilitator's token only). Returns false for other paths.
 */
export function sessionHandler(sessions: SessionManager, opts: SessionRouteOptions = {}) {
  const writes = new RateLimiter(opts.writesPerSecond ?? 10, opts.writeBurst ?? 120);
  const misses = new RateLimiter((opts.codeMissesPerMinute ?? 30) / 60, opts.codeMissBurst ?? 60);
  const addressOf = opts.addressOf ?? clientAddressOf();
  const base = (req: IncomingMessage): string =>
    opts.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;

  async function facilitated(req: IncomingMessage, sessionID: string) {
    let s = await sessions.current(sessionID);
    // Made through another process a moment ago? Read it again before refusing.
    if (!s || !sessions.isFacilitator(s, bearer(req))) s = await sessions.reload(sessionID);
    if (!s || !sessions.isFacilitator(s, bearer(req)))
      throw new HttpError(403, 'only the facilitator of this session can do that');
    return s;
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const address = addressOf(req);
    if (method !== 'GET' && !writes.take(address)) throw new HttpError(429, 'too many requests');
    if (path === '/api/sessions' && method === 'POST') {
      const { session, token } = await sessions.create(await readJson(req));
      const reply: SessionCreated = {
        sessionID: session.id,
        code: session.code,
        joinUrl: `${base(req)}/class/${session.code}`,
        consoleUrl: `${base(req)}/console/${session.id}`,
        facilitatorToken: token,
      };
      return sendJson(res, 201, reply);
    }
    const code = CODE.exec(path);
    if ((path === '/api/sessions/join' && method === 'POST') || (code && method === 'GET')) {
      // Every code spends a token of the address's budget of misses; a right one gives it back.
      if (!misses.take(address))
        throw new HttpError(429, 'too many wrong codes from this address; wait a minute');
      if (code) {
        const s = await sessions.byCode(code[1]!);
        misses.refund(address);
        return sendJson(res, 200, { sessionID: s.id, scenario: s.scenario, status: s.status });
      }
      const body = await readJson(req);
      const name = cleanName(body.name);
      if (typeof body.code !== 'string' || body.code.length > 16)
        throw new HttpError(400, 'code must be the session code');
      await sessions.byCode(body.code);
      misses.refund(address);
      const { session, student, token } = await sessions.join(body.code, name);
      const reply: JoinSessionReply = { sessionID: session.id, studentID: student.id, token };
      return sendJson(res, 200, reply);
    }
    const m = SESSION.exec(path);
    if (!m) throw new HttpError(404, 'not found');
    const [, sessionID = '', action = '', n] = m;
    if (action === 'me' && method === 'GET') {
      let s = await sessions.current(sessionID);
      let st = s ? sessions.studentOf(s, bearer(req)) : undefined;
      // Joined through another process a moment ago? Read the session again before refusing.
      if (!st) {
        s = await sessions.reload(sessionID);
        st = s ? sessions.studentOf(s, bearer(req)) : undefined;
      }
      if (!s || !st) throw new HttpError(403, 'this browser is not in that session');
      return sendJson(res, 200, sessions.studentSnapshot(s, st));
    }
    await facilitated(req, sessionID);
    if (action === 'console' && method === 'GET')
      return sendJson(res, 200, await sessions.consoleSnapshot(sessionID));
    if (action === 'export' && method === 'GET')
      return sendJson(res, 200, await sessionExport(sessions, sessionID, req.url));
    if (action === 'tables' && method === 'GET' && n !== undefined)
      return sendJson(res, 200, { view: await sessions.tableView(sessionID, Number(n)) });
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');
    const body = await readJson(req, 32 * 1024);
    if (action === 'command') {
      await sessions.command(sessionID, body as unknown as ConsoleCommand);
      return sendJson(res, 200, await sessions.consoleSnapshot(sessionID));
    }
    if (action === 'inject') {
      const table = body.table === undefined || body.table === null ? undefined : body.table;
      if (table !== undefined && typeof table !== 'number')
        throw new HttpError(400, 'table must be a table number');
      return sendJson(res, 200, await sessions.inject(sessionID, table, body.card));
    }
    throw new HttpError(404, 'not found');
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== '/api/sessions' && !path.startsWith('/api/sessions/')) return false;
    try {
      await route(req, res, path);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error('session error', e);
      if (!res.headersSent)
        sendJson(res, status, {
          error: e instanceof HttpError ? e.message : 'internal error',
          ...(e instanceof CardError ? { fields: e.fields } : {}),
        } satisfies ErrorBody & { fields?: unknown });
    }
    return true;
  };
}
