import { allFirms, averageStanding, seatName } from './access';
import type { SeatId } from './ids';
import type { GameState, Outcome } from './state';

/**
 * Victory is per role, checked when the last round ends; several seats can win.
 * - AI firm: stands at the frontier (capability ≥ frontier) when the game ends. Reaching it
 *   early locks nothing in: the frontier keeps moving.
 * - Regulator: no firm stands at the frontier at the end, and the hubs' average standing is at
 *   least the scenario's minimum (it kept its allies).
 * - Chip vendor: cash at least the scenario's target.
 * - Hub government: investment at least the target, with average standing at least its minimum.
 */
/** One condition of a role's victory, as the board shows it and the outcome decides it. */
export interface Goal {
  label: string;
  now: number;
  target: number;
  /** The goal is to stay under the target rather than reach it. */
  atMost?: boolean;
  met: boolean;
  unit?: '$';
}

const roundedStanding = (state: GameState): number => Math.round(averageStanding(state) * 10) / 10;

/** A seat's victory conditions now: it wins at the end if every one is met. */
export function goalsOf(state: GameState, seat: SeatId): Goal[] {
  const v = state.victory;
  const standing = roundedStanding(state);
  const reach = (label: string, now: number, target: number, unit?: '$'): Goal => ({
    label,
    now,
    target,
    met: now >= target,
    ...(unit ? { unit } : {}),
  });
  switch (state.seats.find((s) => s.id === seat)?.role) {
    case 'firm':
      return [reach('Capability', state.firms[seat].capability, state.frontier)];
    case 'regulator':
      return [
        ...allFirms(state).map((f) => ({
          label: `${seatName(state, f.seat)} capability`,
          now: f.capability,
          target: state.frontier,
          atMost: true,
          met: f.capability < state.frontier,
        })),
        reach("Allies' average standing", standing, v.regulatorMinStanding),
      ];
    case 'vendor':
      return [reach('Cash', state.vendor.cash, v.vendorCash, '$')];
    case 'hub':
      return [
        reach('Investment', state.hub.investment, v.hubInvestment),
        reach('Average standing', standing, v.hubMinStanding),
      ];
    default:
      return [];
  }
}

export function decideOutcome(state: GameState): Outcome {
  const winners: Outcome['winners'] = [];
  const reasons: Record<string, string> = {};
  const standing = roundedStanding(state);
  const firms = allFirms(state);
  const reached = firms.filter((f) => f.capability >= state.frontier);
  const v = state.victory;
  for (const seat of state.seats) {
    if (seat.role === 'facilitator') continue;
    const won = goalsOf(state, seat.id).every((g) => g.met);
    let why: string;
    switch (seat.role) {
      case 'firm': {
        const f = state.firms[seat.id];
        why = won
          ? `ended at the frontier (capability ${f.capability}, frontier ${state.frontier})`
          : `ended at capability ${f.capability}, short of the frontier (${state.frontier})`;
        break;
      }
      case 'regulator':
        why =
          reached.length > 0
            ? `${reached.map((f) => seatName(state, f.seat)).join(' and ')} ended at the frontier`
            : standing >= v.regulatorMinStanding
              ? `kept every firm behind the frontier with allies' standing ${standing}`
              : `kept the firms behind, but allies' standing fell to ${standing} (needs ${v.regulatorMinStanding})`;
        break;
      case 'vendor':
        why = `ended with $${state.vendor.cash} (target $${v.vendorCash})`;
        break;
      case 'hub':
        why =
          state.hub.investment < v.hubInvestment
            ? `investment ${state.hub.investment} fell short of ${v.hubInvestment}`
            : standing < v.hubMinStanding
              ? `investment ${state.hub.investment} met the target, but standing ${standing} is under ${v.hubMinStanding}`
              : `investment ${state.hub.investment} with standing ${standing}`;
        break;
    }
    if (won) winners.push(seat.id);
    reasons[seat.id] = why;
  }
  return { winners, reasons };
}

/** Who would win if the game ended now: what each role is racing towards, round by round. */
export const provisionalWinners = (state: GameState): Outcome['winners'] =>
  decideOutcome(state).winners;
