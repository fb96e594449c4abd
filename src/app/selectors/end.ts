import type { GameState } from '../../../game/engine';
import { ROLE_LABEL, ROLE_MARK, quarterOf } from './format';

export interface SeatResult {
  seat: string;
  name: string;
  role: string;
  roleKey: string;
  mark: string;
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
      seat: s.id,
      name: s.name,
      role: ROLE_LABEL[s.role],
      roleKey: s.role,
      mark: ROLE_MARK[s.role],
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
        quarter: quarterOf(G.startYear, h.round),
        who: f.name,
        text: h.text,
      }),
    );
  }
  return out.sort((a, b) => a.round - b.round);
}
