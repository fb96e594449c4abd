import type { TeamDraft } from '../../protocol';

/** The planning actions a student's draft goes through the session for, so it has an author. */
export const DRAFT_MOVES = ['order', 'withdraw', 'card'] as const;
export type DraftMove = (typeof DRAFT_MOVES)[number];
export const isDraftMove = (v: unknown): v is DraftMove =>
  typeof v === 'string' && (DRAFT_MOVES as readonly string[]).includes(v);

/**
 * Who wrote a seat's draft: for each seat of a session's tables, this round, the name of the
 * team member behind each order (by its place in the plan) and behind the chosen card. A
 * student's draft actions reach the table through the session (`expect` names the author just
 * before the action is submitted); every applied action of the seat, from the authority's
 * log, is then counted here in order, so a withdrawn order takes its author with it. An
 * action that came another way (a bot, a default at the deadline) has no author (null).
 */
export class DraftAuthors {
  private readonly seats = new Map<string, TeamDraft>();
  private readonly expected = new Map<string, { move: string; name: string }[]>();

  /** A team member is about to submit `move` for this seat; returns the undo, for a refusal. */
  expect(matchID: string, seat: string, move: string, name: string): () => void {
    const key = `${matchID}:${seat}`;
    const list = this.expected.get(key) ?? [];
    const entry = { move, name };
    list.push(entry);
    this.expected.set(key, list);
    return () => {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.expected.delete(key);
    };
  }

  /** An action of the seat was applied in `round` (the round once it was applied). */
  applied(matchID: string, seat: string, move: string, args: unknown[], round: number): void {
    const key = `${matchID}:${seat}`;
    const list = this.expected.get(key);
    const author = list?.[0]?.move === move ? list.shift()!.name : null;
    if (list?.length === 0) this.expected.delete(key);
    if (!isDraftMove(move)) return;
    let rec = this.seats.get(key);
    if (!rec || rec.round !== round) {
      rec = { round, orders: [], card: null };
      this.seats.set(key, rec);
    }
    if (move === 'order') rec.orders.push(author);
    else if (move === 'withdraw') {
      const index = (args[0] as { index?: unknown } | undefined)?.index;
      if (typeof index === 'number' && index >= 0) rec.orders.splice(index, 1);
    } else {
      const card = (args[0] as { card?: unknown } | undefined)?.card;
      rec.card = card === null || card === undefined ? null : author;
    }
  }

  /** Who wrote this seat's draft in the last round it drafted in (compare the round). */
  latest(matchID: string, seat: string): TeamDraft | undefined {
    const rec = this.seats.get(`${matchID}:${seat}`);
    return rec && { round: rec.round, orders: [...rec.orders], card: rec.card };
  }

  /** Forgets a match's seats (its session was deleted). */
  forget(matchID: string): void {
    for (const map of [this.seats, this.expected])
      for (const key of map.keys()) if (key.startsWith(`${matchID}:`)) map.delete(key);
  }
}
