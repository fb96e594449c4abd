import { seatName } from '../access';
import type { HubId, SeatId } from '../ids';
import { PLACE_INFO } from '../map';
import { MOVE_BY_NAME } from '../moves';
import type { GameState } from '../state';

/**
 * How the hidden game unfolded, read from a finished match's chronicle (summary.ts: its last
 * state with every round's opened plans, every signal, search and the firms' secret histories): each hidden operation (a firm's
 * order), the public signals it may have produced, the checks and responses it drew, and how
 * it ended. Links are by place and time: a signal, search or regulator order in the same hub
 * from the operation's round on. lineage.ts follows each secret thing by its id through the
 * resolution steps instead, for the links the engine's records allow.
 */
export interface Operation {
  key: string;
  firm: string;
  round: number;
  what: string;
  hub: HubId | null;
  /** Public evidence in the operation's hub from its round on: seizures, notices, exposures. */
  signals: { round: number; text: string }[];
  /** The regulator's orders aimed at that hub, and the checks and audits made there. */
  responses: { round: number; text: string }[];
  /** How it ended, in words. */
  ending: string;
  /** A signal in its hub named this firm: the operation was seen. */
  seen: boolean;
}

const hubOf = (args: { hub?: unknown }): HubId | null =>
  typeof args.hub === 'string' && args.hub in PLACE_INFO ? (args.hub as HubId) : null;

export function hiddenOperations(state: GameState): Operation[] {
  const out: Operation[] = [];
  const regulatorOrders = state.opened.filter(
    (p) => state.seats.find((s) => s.id === p.seat)?.role === 'regulator',
  );
  for (const plan of state.opened) {
    const role = state.seats.find((s) => s.id === plan.seat)?.role;
    if (role !== 'firm' || !plan.orders) continue;
    const firm = seatName(state, plan.seat as SeatId);
    plan.orders.forEach((order, i) => {
      const spec = MOVE_BY_NAME[order.move];
      const hub = hubOf(order.args);
      const where = hub ? ` in ${PLACE_INFO[hub].name}` : '';
      const signals = hub
        ? state.signals
            .filter((s) => s.hub === hub && s.round >= plan.round)
            .map((s) => ({ round: s.round, text: s.text }))
        : [];
      const responses = hub
        ? [
            ...regulatorOrders.flatMap((p) =>
              p.round >= plan.round
                ? (p.orders ?? [])
                    .filter((o) => hubOf(o.args) === hub)
                    .map((o) => ({
                      round: p.round,
                      text: `Regulator: ${MOVE_BY_NAME[o.move]?.label ?? o.move}`,
                    }))
                : [],
            ),
            ...state.searches
              .filter((s) => s.hub === hub && s.round >= plan.round)
              .map((s) => ({
                round: s.round,
                text: `${s.by === 'check' ? 'End-use check' : 'Distributor audit'}: ${s.found ? `found ${s.found}` : 'found nothing'}`,
              })),
          ].sort((a, b) => a.round - b.round)
        : [];
      const named = signals.filter((s) => s.text.includes(firm));
      const seen = named.length > 0;
      const failed = state.log.some(
        (e) =>
          e.round === plan.round &&
          e.to === plan.seat &&
          e.text.startsWith('Your order did not happen') &&
          e.text.includes(spec?.label ?? order.move),
      );
      const ending = failed
        ? 'did not happen (refused at resolution)'
        : seen
          ? `seen in round ${named[0].round}: ${named[0].text}`
          : hub
            ? 'never publicly traced to the firm'
            : 'at home: no public trace';
      out.push({
        key: `${plan.round}-${plan.seat}-${i}`,
        firm,
        round: plan.round,
        what: `${spec?.label ?? order.move}${where}`,
        hub,
        signals,
        responses,
        ending,
        seen,
      });
    });
  }
  return out.sort((a, b) => a.round - b.round);
}

/** Each role's chance of winning as each round opened (from continuations), by round. */
export type ChancesByRound = { round: number; chances: Record<string, number> }[];

export interface TurningPoint {
  role: string;
  /** The round whose play moved the role's chance most: from its opening to the next's. */
  round: number;
  before: number;
  after: number;
}

/** For each role, the round over which its chance of winning moved most. */
export function turningPoints(rows: ChancesByRound): TurningPoint[] {
  const roles = [...new Set(rows.flatMap((r) => Object.keys(r.chances)))];
  const out: TurningPoint[] = [];
  for (const role of roles) {
    let best: TurningPoint | null = null;
    for (let i = 0; i + 1 < rows.length; i++) {
      const before = rows[i].chances[role] ?? 0;
      const after = rows[i + 1].chances[role] ?? 0;
      if (!best || Math.abs(after - before) > Math.abs(best.after - best.before))
        best = { role, round: rows[i].round, before, after };
    }
    if (best) out.push(best);
  }
  return out;
}
