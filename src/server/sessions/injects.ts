import { HttpError } from '../lobby/http';
import type { SessionRecord } from '../storage/types';
import type { FieldError } from '../../protocol';
import { recordConsoleChange } from '../lobby/replay-route';
import { matchOf, tablesOf, type SessionContext } from './context';

/** A refused custom card: the message, and one entry per faulty field. */
export class CardError extends HttpError {
  constructor(readonly fields: FieldError[]) {
    super(400, `the card is not valid: ${fields.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

/** A card of the deck by id, or a written card checked with the scenario cards' schema. */
export function checkInjectCard(ctx: SessionContext, raw: unknown): unknown {
  if (typeof raw !== 'string') {
    const checked = ctx.hooks.checkCard(raw);
    if (!checked.ok) throw new CardError(checked.errors);
    return checked.card;
  }
  if (raw.length === 0 || raw.length > 60) throw new HttpError(400, 'card must be a card id');
  return raw;
}

/**
 * Pushes an event card to one table or all, effective at the next resolution. All or nothing:
 * every target is checked first, so one refused table (one asked for by number, or a running
 * one) changes none; ended tables are skipped when every table is asked for.
 */
export async function injectCard(
  ctx: SessionContext,
  s: SessionRecord,
  table: number | undefined,
  card: unknown,
): Promise<{ tables: number[] }> {
  const targets = tablesOf(s, table);
  for (const i of targets) {
    const m = await matchOf(ctx, s.tables[i]!);
    const trial = ctx.hooks.inject(m.state.G, card);
    if (!trial.ok && (table !== undefined || m.metadata.gameover === undefined))
      throw new HttpError(409, targets.length > 1 ? `table ${i + 1}: ${trial.error}` : trial.error);
  }
  const done: number[] = [];
  for (const i of targets) {
    const matchID = s.tables[i]!.matchID!;
    const m = await ctx.authority.load(matchID);
    if (m?.metadata.gameover !== undefined) continue;
    const r = await ctx.authority.adjust(matchID, (G) => ctx.hooks.inject(G, card));
    if (!r.ok) continue;
    done.push(i);
    await recordConsoleChange(ctx.authority, matchID, { stateID: r.stateID, kind: 'inject', card });
  }
  return { tables: done };
}
