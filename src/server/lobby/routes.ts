import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Created, ErrorBody, ScenarioInfo } from '../../protocol';
import type { Authority } from '../authority/authority';
import { TokenBucket } from '../net/limits';
import { createMatch, publicMatch } from './create';
import { HttpError, readJson, sendJson } from './http';
import { seatRoutes } from './seat-routes';

export interface LobbyOptions {
  /** Base URL for join/spectate links; defaults to http://<Host header>. */
  publicUrl?: string;
  /** Write requests per second per client address, and burst. */
  writesPerSecond?: number;
  writeBurst?: number;
}

const MATCH = /^\/api\/matches\/([A-Za-z0-9_-]{1,64})(\/[a-z]+(?:\/[0-9]{1,3})?)?$/;

/** The lobby's HTTP API under /api. Returns false for paths it does not own. */
export function lobbyHandler(authority: Authority, opts: LobbyOptions = {}) {
  const buckets = new Map<string, TokenBucket>();
  const limited = (req: IncomingMessage): boolean => {
    const key = req.socket.remoteAddress ?? '?';
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size > 10_000) buckets.clear();
      buckets.set(key, (b = new TokenBucket(opts.writesPerSecond ?? 10, opts.writeBurst ?? 60)));
    }
    return !b.take();
  };
  const seats = seatRoutes(authority);
  const base = (req: IncomingMessage): string =>
    opts.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    // Writes, and code lookups (so join codes cannot be enumerated), are rate-limited per address.
    if ((method !== 'GET' || path.startsWith('/api/codes/')) && limited(req))
      throw new HttpError(429, 'too many requests');
    if (path === '/api/scenarios' && method === 'GET') {
      return sendJson(
        res,
        200,
        Object.values(authority.served.scenarios).map(({ id, name, seats: s }): ScenarioInfo => ({
          id,
          name,
          seats: s,
        })),
      );
    }
    if (path === '/api/matches' && method === 'GET') {
      const list = await authority.store.listMatches({
        gameName: authority.game.name,
        visibility: 'public',
        finished: false,
      });
      const open = list.filter((m) => m.metadata.seats.some((s) => s.kind === 'open'));
      return sendJson(
        res,
        200,
        open.map((m) => publicMatch(m.matchID, m.metadata)),
      );
    }
    if (path === '/api/matches' && method === 'POST') {
      const created = await createMatch(authority, await readJson(req));
      const joinUrl = `${base(req)}/join/${created.joinCode}`;
      const reply: Created = {
        ...publicMatch(created.matchID, created.metadata),
        joinCode: created.joinCode,
        joinUrl,
        spectateUrl: `${base(req)}/watch/${created.matchID}`,
        creatorToken: created.creatorToken,
      };
      return sendJson(res, 201, reply);
    }
    const code = /^\/api\/codes\/([A-Za-z0-9]{4,12})$/.exec(path);
    if (code && method === 'GET') {
      const matchID = await authority.store.findByJoinCode(code[1]!.toUpperCase());
      if (!matchID) throw new HttpError(404, 'no match with that code');
      const m = await authority.load(matchID);
      if (!m) throw new HttpError(404, 'no match with that code');
      return sendJson(res, 200, {
        ...publicMatch(matchID, m.metadata),
        joinCode: m.metadata.joinCode,
      });
    }
    const match = MATCH.exec(path);
    if (!match) throw new HttpError(404, 'not found');
    const [, matchID = '', action = ''] = match;
    if (action === '' && method === 'GET') {
      const m = await authority.load(matchID);
      if (!m) throw new HttpError(404, 'match not found');
      return sendJson(res, 200, publicMatch(matchID, m.metadata));
    }
    if (method !== 'POST') throw new HttpError(405, 'method not allowed');
    const result = await seats(req, matchID, action, await readJson(req));
    return sendJson(res, 200, result);
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path !== '/api' && !path.startsWith('/api/')) return false;
    try {
      await route(req, res, path);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error('lobby error', e);
      if (!res.headersSent)
        sendJson(res, status, {
          error: e instanceof HttpError ? e.message : 'internal error',
        } satisfies ErrorBody);
    }
    return true;
  };
}
