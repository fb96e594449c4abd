import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authority } from '../authority/authority';
import type { ReplaySource } from '../served/served-game';
import type { ConsoleRecord } from '../storage/types';
import { identify, isFacilitator } from './auth';
import { HttpError, wantsMessages } from './http';
import { bySessionFacilitator, replayMessages, sessionOf } from './replay-messages';

/**
 * GET /api/matches/ID/replay[?messages=1]: the match's replay file, as a download. A running
 * match's file would tell its seed (every card and roll to come) and every seat's sealed
 * orders, so until the match is over only its creator or facilitator seat, or the facilitator
 * of the class session it is a table of (who see everything anyway), may have it; once it is
 * over, anyone with the match's id may (the end screen reveals it all). With `messages=1` the
 * file carries the table's talk (replay-messages.ts says which); without, none.
 */
export function replayRoute(authority: Authority) {
  const roles = authority.served.facilitatorRoles;
  return async (req: IncomingMessage, res: ServerResponse, matchID: string): Promise<void> => {
    const build = authority.served.replayFile;
    if (!build) throw new HttpError(404, 'this game keeps no replays');
    const loaded = await authority.load(matchID);
    if (!loaded) throw new HttpError(404, 'match not found');
    const meta = loaded.metadata;
    const session = await sessionOf(authority, meta);
    const facilitator = bySessionFacilitator(req, session);
    if (
      meta.gameover === undefined &&
      !facilitator &&
      !isFacilitator(identify(req, meta), meta, roles)
    )
      throw new HttpError(
        403,
        'the replay is available once the match is over (or now to its host or facilitator)',
      );
    const { log = [] } = await authority.store.fetch(matchID, { log: true });
    const moves: ReplaySource['moves'] = [];
    // Each console change goes after every move taken on an earlier state than the one it made.
    const changes = [...(meta.console ?? [])].sort((a, b) => a.stateID - b.stateID);
    const console: NonNullable<ReplaySource['console']> = [];
    let c = 0;
    for (const entry of log) {
      for (; c < changes.length && changes[c]!.stateID <= entry._stateID; c++)
        console.push(placed(changes[c]!, moves.length));
      const a = entry.action as {
        type?: string;
        payload?: { type?: string; args?: unknown; playerID?: string };
      };
      if (a.type !== 'MAKE_MOVE' || !a.payload?.type || a.payload.playerID === undefined) continue;
      const args = Array.isArray(a.payload.args) ? (a.payload.args as unknown[]) : [];
      moves.push({ playerID: a.payload.playerID, move: a.payload.type, args });
    }
    for (; c < changes.length; c++) console.push(placed(changes[c]!, moves.length));
    const file = build({
      matchID,
      setupData: meta.setupData,
      moves,
      players: Object.fromEntries(meta.seats.map((s) => [s.id, s.kind])),
      savedAt: new Date().toISOString(),
      console,
      ...(wantsMessages(req.url)
        ? { messages: await replayMessages(authority, matchID, meta, session, facilitator) }
        : {}),
    });
    const text = JSON.stringify(file);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Content-Disposition': `attachment; filename="chokepoint-${matchID}.json"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(text);
  };
}

const placed = (c: ConsoleRecord, at: number): NonNullable<ReplaySource['console']>[number] =>
  c.kind === 'end' ? { at, kind: 'end' } : { at, kind: 'inject', card: c.card };

/**
 * Keeps, in the match's record, a change the facilitator's console made to its game (an
 * inject, ending it) through `Authority.adjust`, which returned `stateID`: no seat moved, so
 * the log does not show it, and without it the match's replay file would not replay. Call it
 * once the change is made; a match that has gone is left alone.
 */
export async function recordConsoleChange(
  authority: Authority,
  matchID: string,
  change: ConsoleRecord,
): Promise<void> {
  const r = await authority.mutate(matchID, (m) => ({
    ...m,
    console: [...(m.console ?? []), change],
  }));
  if (!r.ok && r.error !== 'match not found') throw new Error(r.error);
}
