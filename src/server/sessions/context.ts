import type { State } from 'boardgame.io';
import type { Authority } from '../authority/authority';
import { HttpError } from '../lobby/http';
import type { ServedGame, SessionHooks } from '../served/served-game';
import type { MatchMetadata, SessionRecord, SessionTable } from '../storage/types';
import type { DraftAuthors } from './drafts';

/** What the session modules share: the authority over the tables' matches, and the clock. */
export interface SessionContext {
  readonly authority: Authority;
  readonly served: ServedGame;
  readonly hooks: SessionHooks;
  readonly now: () => number;
  /** When each seat last acted (matchID:seat → ms). */
  readonly lastActive: Map<string, number>;
  /** Who on each team wrote its seat's draft. */
  readonly drafts: DraftAuthors;
  /** Records that a match is a table of a session. */
  bindTable(matchID: string, sessionID: string, table: number): void;
}

/** The tables a command or an inject aims at: one table, or every started table. */
export function tablesOf(s: SessionRecord, table: number | undefined): number[] {
  if (table === undefined) return s.tables.map((_, i) => i).filter((i) => s.tables[i]!.matchID);
  if (!Number.isInteger(table) || !s.tables[table]?.matchID)
    throw new HttpError(400, 'no such table (or the tables have not started)');
  return [table];
}

/** A started table's match, or a refusal. */
export async function matchOf(
  ctx: SessionContext,
  t: SessionTable,
): Promise<{ state: State; metadata: MatchMetadata }> {
  const m = t.matchID ? await ctx.authority.load(t.matchID) : undefined;
  if (!m) throw new HttpError(404, 'table not found');
  return m;
}
