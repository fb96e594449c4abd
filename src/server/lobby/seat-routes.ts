import type { IncomingMessage } from 'node:http';
import type { Authority } from '../authority/authority';
import { hashSecret, newToken, verifySecret } from '../security/secrets';
import { BOT_LEVELS, isBotLevel, type BotLevel, type JoinReply } from '../../protocol';
import type { MatchMetadata, SeatRecord } from '../storage/types';
import { identify, isFacilitator } from './auth';
import { publicMatch } from './create';
import { cleanName, HttpError, str } from './http';
import type { LobbyLimiters } from './routes';

const level = (v: unknown): BotLevel => {
  if (v === undefined) return 'heuristic';
  if (isBotLevel(v)) return v;
  throw new HttpError(400, `level must be ${BOT_LEVELS.join(' or ')}`);
};

const toBot = (s: SeatRecord, botLevel: BotLevel): SeatRecord => ({
  id: s.id,
  role: s.role,
  label: s.label,
  kind: 'bot',
  botLevel,
});
const toOpen = (s: SeatRecord): SeatRecord => ({
  id: s.id,
  role: s.role,
  label: s.label,
  kind: 'open',
});

/**
 * Write routes on one match. join: anyone with the link/code takes an open or
 * bot seat; leave: the seat's holder (or creator) hands it to a bot or frees
 * it; seat: the creator/facilitator reassigns a seat; pause/resume: the
 * creator or the facilitator seat only.
 */
export function seatRoutes(
  authority: Authority,
  limiters: LobbyLimiters,
  addressOf: (req: IncomingMessage) => string,
) {
  const roles = authority.served.facilitatorRoles;
  return async (
    req: IncomingMessage,
    matchID: string,
    action: string,
    body: Record<string, unknown>,
  ): Promise<unknown> => {
    let reply: unknown = {};
    const edit = (fn: (m: MatchMetadata) => MatchMetadata): Promise<void> =>
      authority
        .mutate(matchID, (m) => {
          try {
            return fn(m);
          } catch (e) {
            if (e instanceof HttpError) return `${e.status}:${e.message}`;
            throw e;
          }
        })
        .then((r) => {
          if (r.ok) return;
          const [status, msg] = /^\d{3}:/.test(r.error)
            ? [Number(r.error.slice(0, 3)), r.error.slice(4)]
            : [404, r.error];
          throw new HttpError(status, msg);
        });
    const seatOf = (m: MatchMetadata, id: unknown): SeatRecord => {
      const seat = m.seats.find((s) => s.id === id);
      if (!seat) throw new HttpError(400, 'no such seat');
      return seat;
    };
    const replace = (m: MatchMetadata, next: SeatRecord): MatchMetadata => ({
      ...m,
      seats: m.seats.map((s) => (s.id === next.id ? next : s)),
    });

    if (action === '/join') {
      const name = cleanName(body.name);
      const code = str(body, 'code', 16);
      const before = (await authority.load(matchID))?.metadata;
      const caller = before ? identify(req, before) : { isCreator: false };
      // The facilitator sees every secret: only the match's creator may take that seat.
      const creator = caller.isCreator;
      // A private match's code is guessed against the same budget of misses as code lookups.
      const address = addressOf(req);
      const guessing = before?.visibility === 'private' && !creator;
      if (guessing && !(await limiters.codeMisses.take(address)))
        throw new HttpError(429, 'too many wrong codes from this address; wait a minute');
      await edit((m) => {
        if (roles.includes(seatOf(m, body.seat).role) && !creator)
          throw new HttpError(403, 'only the creator can take the facilitator seat');
        if (m.visibility === 'private' && !creator && !verifyCode(code, m.joinCode))
          throw new HttpError(403, 'this match needs its join code');
        if (guessing) limiters.codeMisses.refund(address);
        if (m.gameover !== undefined) throw new HttpError(409, 'match is over');
        const seat = seatOf(m, body.seat);
        if (seat.kind === 'person') throw new HttpError(409, 'seat is taken');
        // A seat the creator gave to a bot stays a bot until the creator or facilitator opens it.
        if (seat.kind === 'bot' && !isFacilitator(caller, m, roles))
          throw new HttpError(409, 'seat is played by a bot; the host can open it');
        const credentials = newToken();
        reply = { matchID, playerID: seat.id, credentials } satisfies JoinReply;
        return replace(m, {
          id: seat.id,
          role: seat.role,
          label: seat.label,
          kind: 'person',
          name,
          credential: hashSecret(credentials),
        });
      });
      return reply;
    }
    const m0 = (await authority.load(matchID))?.metadata;
    if (!m0) throw new HttpError(404, 'match not found');
    const caller = identify(req, m0);
    if (action === '/leave') {
      if (caller.seat === undefined)
        throw new HttpError(403, 'present the seat credentials to leave it');
      const seatID = caller.seat;
      const bot = body.replaceWith !== 'open';
      const botLevel = level(body.level);
      await edit((m) =>
        replace(m, bot ? toBot(seatOf(m, seatID), botLevel) : toOpen(seatOf(m, seatID))),
      );
    } else if (action.startsWith('/seat/')) {
      if (!isFacilitator(caller, m0, roles))
        throw new HttpError(403, 'only the creator or facilitator can change seats');
      const seatID = action.slice('/seat/'.length);
      const kind = body.kind;
      if (kind !== 'bot' && kind !== 'open') throw new HttpError(400, 'kind must be bot or open');
      const botLevel = level(body.level);
      await edit((m) =>
        replace(m, kind === 'bot' ? toBot(seatOf(m, seatID), botLevel) : toOpen(seatOf(m, seatID))),
      );
    } else if (action === '/pause' || action === '/resume') {
      if (!isFacilitator(caller, m0, roles))
        throw new HttpError(403, 'only the creator or facilitator can pause');
      await edit((m) => ({ ...m, paused: action === '/pause' }));
    } else {
      throw new HttpError(404, 'not found');
    }
    const m = await authority.load(matchID);
    return m ? publicMatch(matchID, m.metadata) : {};
  };
}

function verifyCode(code: string | undefined, joinCode: string): boolean {
  return typeof code === 'string' && verifySecret(code.toUpperCase(), hashSecret(joinCode, 'code'));
}
