import { clientAddressOf, type AddressOf } from '../net/client-address';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Created, ErrorBody, ScenarioInfo } from '../../protocol';
import type { Authority } from '../authority/authority';
import { LocalOpenMatches, RateLimiter, type Limiter, type SharedLimits } from '../net/limits';
import { createMatch, publicMatch } from './create';
import { HttpError, readJson, sendJson } from './http';
import { StorageError } from '../storage/types';
import { replayRoute } from './replay-route';
import { seatRoutes } from './seat-routes';

export interface LobbyOptions {
  /** The address group a request counts against (trusted proxies: net/client-address.ts). */
  addressOf?: AddressOf;
  /** Base URL for join/spectate links; defaults to http://<Host header>. */
  publicUrl?: string;
  /** Write requests per second per client address (IPv6: per /64), and burst. */
  writesPerSecond?: number;
  writeBurst?: number;
  /**
   * Join-code misses (a lookup or private join with a wrong code) per minute per address, and
   * burst. Hits give their token back, so a class behind one NAT joining with the right code
   * never runs out.
   */
  codeMissesPerMinute?: number;
  codeMissBurst?: number;
  /** Unfinished matches one address may have created (and not yet finished or expired). */
  openMatchesPerAddress?: number;
  /** Entries each rate-limit table keeps (the least recently used are forgotten beyond). */
  rateTableSize?: number;
  /**
   * Several processes (cluster/limits.ts): the write and code-miss budgets and the open
   * matches per address are counted once for all of them, not once per process.
   */
  shared?: SharedLimits;
}

export const DEFAULT_LOBBY = {
  writesPerSecond: 10,
  writeBurst: 60,
  codeMissesPerMinute: 30,
  codeMissBurst: 60,
  openMatchesPerAddress: 100,
  rateTableSize: 100_000,
} satisfies Required<Omit<LobbyOptions, 'publicUrl' | 'shared' | 'addressOf'>>;

/** The lobby's limiters, shared by its routes. */
export interface LobbyLimiters {
  writes: Limiter;
  codeMisses: Limiter;
}

/** Open public matches GET /api/matches lists at most (the newest). */
const LISTED_MATCHES = 100;

const MATCH = /^\/api\/matches\/([A-Za-z0-9_-]{1,64})(\/[a-z]+(?:\/[0-9]{1,3})?)?$/;

/** The lobby's HTTP API under /api. Returns false for paths it does not own. */
export function lobbyHandler(authority: Authority, opts: LobbyOptions = {}) {
  const o = { ...DEFAULT_LOBBY, ...opts };
  const writes = new RateLimiter(o.writesPerSecond, o.writeBurst, o.rateTableSize);
  const misses = new RateLimiter(o.codeMissesPerMinute / 60, o.codeMissBurst, o.rateTableSize);
  const shared = opts.shared;
  const limiters: LobbyLimiters = shared
    ? {
        writes: shared.limiter('writes', o.writesPerSecond, o.writeBurst, writes),
        codeMisses: shared.limiter('codemiss', o.codeMissesPerMinute / 60, o.codeMissBurst, misses),
      }
    : { writes, codeMisses: misses };
  const addressOf = opts.addressOf ?? clientAddressOf();
  const limited = async (req: IncomingMessage): Promise<boolean> =>
    !(await limiters.writes.take(addressOf(req)));
  /** Per address group: the unfinished matches it created (pruned as they finish or expire). */
  const ledger = shared?.openMatches ?? new LocalOpenMatches(o.rateTableSize);
  const openMatches = async (address: string): Promise<number> => {
    const ids = await ledger.list(address);
    // Below the limit the count is enough: only an address at its limit pays for loading its
    // matches to forget the finished ones (with several processes, most are not in memory).
    if (ids.length < o.openMatchesPerAddress) return ids.length;
    const gone: string[] = [];
    for (const id of ids) {
      const m = await authority.load(id);
      if (!m || m.metadata.gameover !== undefined) gone.push(id);
    }
    if (gone.length > 0) await ledger.remove(address, gone);
    return ids.length - gone.length;
  };
  const seats = seatRoutes(authority, limiters, addressOf);
  const replay = replayRoute(authority);
  const base = (req: IncomingMessage): string =>
    opts.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    // Writes are rate-limited per address group; code lookups have a budget of misses (below).
    if (method !== 'GET' && (await limited(req))) throw new HttpError(429, 'too many requests');
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
      // The newest LISTED_MATCHES only: the reply stays small however many matches exist.
      return sendJson(
        res,
        200,
        open.slice(-LISTED_MATCHES).map((m) => publicMatch(m.matchID, m.metadata)),
      );
    }
    if (path === '/api/matches' && method === 'POST') {
      const address = addressOf(req);
      if ((await openMatches(address)) >= o.openMatchesPerAddress)
        throw new HttpError(429, 'too many unfinished matches from this address');
      const body = await readJson(req);
      const made = await createMatch(authority, body);
      await ledger.add(address, made.matchID);
      const created = made;
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
    if (path.startsWith('/api/codes/') && method === 'GET') {
      // Every lookup spends a token of the address's miss budget; a hit gives it back. Guessing
      // is slowed to the budget, while a whole class behind one address joins freely.
      const address = addressOf(req);
      if (!(await limiters.codeMisses.take(address)))
        throw new HttpError(429, 'too many wrong codes from this address; wait a minute');
      const code = /^\/api\/codes\/([A-Za-z0-9]{4,16})$/.exec(path);
      const matchID = code ? await authority.store.findByJoinCode(code[1]!.toUpperCase()) : null;
      const m = matchID ? await authority.load(matchID) : undefined;
      if (!matchID || !m) throw new HttpError(404, 'no match with that code');
      limiters.codeMisses.refund(address);
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
    if (action === '/replay' && method === 'GET') {
      // Building a file replays the whole match: limited like a write.
      if (await limited(req)) throw new HttpError(429, 'too many requests');
      return replay(req, res, matchID);
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
      // The database or Redis is down, or another process held the match too long: nothing
      // was changed, and the caller may try again (503), rather than an unexplained 500.
      const busy = e instanceof StorageError && e.code === 'unavailable';
      const status = e instanceof HttpError ? e.status : busy ? 503 : 500;
      if (status === 500) console.error('lobby error', e);
      if (!res.headersSent)
        sendJson(res, status, {
          error:
            e instanceof HttpError
              ? e.message
              : busy
                ? `not saved, try again: ${e.message}`
                : 'internal error',
        } satisfies ErrorBody);
    }
    return true;
  };
}
