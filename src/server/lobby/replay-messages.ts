import type { IncomingMessage } from 'node:http';
import type { TalkMessage } from '../../protocol';
import type { Authority } from '../authority/authority';
import { verifySecret } from '../security/secrets';
import type { ReplaySourceMessage } from '../served/served-game';
import type { MatchMetadata, SessionRecord } from '../storage/types';

/**
 * What talk a match's replay file carries (`?messages=1`), each message at the round it was
 * said in, in that order:
 *
 * - the match's own chat: all of it (everyone watching the match read it);
 * - for a table of a class session, the session's talk that the whole table read: its table
 *   chat and the facilitator's messages to the table or to every table. Messages between two
 *   of its seats, and the facilitator's to one seat, are private: only the session's
 *   facilitator's download carries them. The file names seats, never the students who spoke.
 *
 * Talk stored before the server recorded its round is left out (there is no round to put it at).
 */
export async function replayMessages(
  authority: Authority,
  matchID: string,
  meta: MatchMetadata,
  session: SessionRecord | undefined,
  facilitator: boolean,
): Promise<ReplaySourceMessage[]> {
  const out: (ReplaySourceMessage & { at: number })[] = [];
  for (const c of await authority.store.listChat(matchID))
    out.push({ round: c.round, seat: c.seat, text: c.text, at: c.at });
  const table = meta.session?.table;
  if (session && table !== undefined)
    for (const m of await authority.store.listTalk(session.id)) {
      const said = fromTalk(m, table, facilitator);
      if (said) out.push(said);
    }
  return out
    .sort((a, b) => a.round - b.round || a.at - b.at)
    .map(({ at: _at, ...m }): ReplaySourceMessage => m);
}

/** A session's message as the table's file has it, or null if it is not for this file. */
function fromTalk(
  m: TalkMessage,
  table: number,
  facilitator: boolean,
): (ReplaySourceMessage & { at: number }) | null {
  const round = m.rounds?.[table];
  if (round === undefined) return null;
  if (m.to.kind !== 'broadcast' && m.to.table !== table) return null;
  if (m.to.kind === 'seat' && !facilitator) return null;
  const to = m.to.kind === 'seat' ? { to: m.to.seat } : {};
  if (m.from.kind === 'facilitator')
    return { round, facilitator: true, ...to, text: m.text, at: m.at };
  if (m.from.table !== table) return null;
  return { round, seat: m.from.seat, ...to, text: m.text, at: m.at };
}

/** The class session a match is a table of, if it has one (and it is still stored). */
export async function sessionOf(
  authority: Authority,
  meta: MatchMetadata,
): Promise<SessionRecord | undefined> {
  return meta.session ? authority.store.loadSession(meta.session.id) : undefined;
}

/** Is the request's bearer token that of the session's facilitator? */
export function bySessionFacilitator(
  req: IncomingMessage,
  session: SessionRecord | undefined,
): boolean {
  const auth = req.headers.authorization;
  if (!session || typeof auth !== 'string' || !auth.startsWith('Bearer ')) return false;
  return verifySecret(auth.slice(7), session.facilitator);
}
