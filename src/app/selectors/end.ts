import {
  MOVE_BY_NAME,
  cardIn,
  checkSeal,
  type GameState,
  type SealCheck,
  type SealedPlan,
} from '../../../game/engine';
import { ROLE_LABEL, whenOf, seatName } from './format';
import { badgeOf } from './marks';
import { labeler, orderArgsText } from './moves';
import { USE_TEXT } from './news';
import { sealPrefix } from './planning';

export interface SeatResult {
  seat: string;
  name: string;
  role: string;
  roleKey: string;
  mark: string;
  /** The badge's colour class (selectors/marks.ts). */
  badge: string;
  won: boolean;
  reason: string;
}

export interface Revealed {
  key: string;
  round: number;
  quarter: string;
  who: string;
  text: string;
}

export function results(G: GameState): SeatResult[] {
  const o = G.outcome;
  return G.seats
    .filter((s) => s.role !== 'facilitator')
    .map((s) => ({
      badge: badgeOf(G.seats, s.id).className,
      seat: s.id,
      name: s.name,
      role: ROLE_LABEL[s.role],
      roleKey: s.role,
      mark: badgeOf(G.seats, s.id).mark,
      won: o?.winners.includes(s.id) ?? false,
      reason: o?.reasons[s.id] ?? '',
    }));
}

/** Every hidden move of every firm, in the order of the rounds (the end view reveals them). */
export function revealed(G: GameState): Revealed[] {
  const out: Revealed[] = [];
  for (const f of Object.values(G.firms)) {
    f.secrets.history.forEach((h, i) =>
      out.push({
        key: `${f.seat}-${i}`,
        round: h.round,
        quarter: whenOf(G, h.round),
        who: f.name,
        text: h.text,
      }),
    );
  }
  return out.sort((a, b) => a.round - b.round);
}

export interface SealedRow {
  key: string;
  seat: string;
  who: string;
  /** The full seal and its first 12 hex digits. */
  seal: string;
  short: string;
  orders: string[];
  card: string | null;
  /**
   * The seal computed again from the revealed salt, orders and card; `unread` while the plan is
   * only in the match's record and that has not been read.
   */
  check: SealCheck | 'unread';
}

export interface SealedRound {
  round: number;
  quarter: string;
  plans: SealedRow[];
}

/**
 * Every sealed plan, by round and seat, each checked again (SHA-256) against the seal every seat
 * saw published (`G.seals`). The state keeps only the last round's plans opened; the earlier
 * rounds' come from the match's record (`earlier`: every round's plans, rebuilt by its replay),
 * null until it has been read.
 */
export function sealedRounds(G: GameState, earlier: readonly SealedPlan[] | null): SealedRound[] {
  const label = labeler(G);
  const opened = new Map<string, SealedPlan>();
  for (const p of [...(earlier ?? []), ...G.opened]) opened.set(`${p.round}-${p.seat}`, p);
  return G.seals.map((seals, i) => {
    const round = i + 1;
    const plans = Object.entries(seals).map(([seat, seal]): SealedRow => {
      const key = `${round}-${seat}`;
      const p = opened.get(key);
      const card = p?.card ? cardIn(G, p.card.card) : undefined;
      return {
        key,
        seat,
        who: seatName(G, seat),
        seal,
        short: sealPrefix(seal),
        orders: (p?.orders ?? []).map((o) => {
          const args = orderArgsText(o.args, label);
          return `${MOVE_BY_NAME[o.move]?.label ?? o.move}${args ? ` (${args})` : ''}`;
        }),
        card: p?.card ? `"${card?.title ?? p.card.card}" ${USE_TEXT[p.card.use]}` : null,
        check: p ? checkSeal({ ...p, seal }) : 'unread',
      };
    });
    return { round, quarter: whenOf(G, round), plans };
  });
}
