import { allFirms, averageStanding, seatName } from './access';
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
export function decideOutcome(state: GameState): Outcome {
  const winners: Outcome['winners'] = [];
  const reasons: Record<string, string> = {};
  const standing = Math.round(averageStanding(state) * 10) / 10;
  const firms = allFirms(state);
  const reached = firms.filter((f) => f.capability >= state.frontier);
  const v = state.victory;
  for (const seat of state.seats) {
    let won: boolean;
    let why: string;
    switch (seat.role) {
      case 'firm': {
        const f = state.firms[seat.id];
        won = f.capability >= state.frontier;
        why = won
          ? `ended at the frontier (capability ${f.capability}, frontier ${state.frontier})`
          : `ended at capability ${f.capability}, short of the frontier (${state.frontier})`;
        break;
      }
      case 'regulator':
        won = reached.length === 0 && standing >= v.regulatorMinStanding;
        why =
          reached.length > 0
            ? `${reached.map((f) => seatName(state, f.seat)).join(' and ')} ended at the frontier`
            : standing >= v.regulatorMinStanding
              ? `kept every firm behind the frontier with allies' standing ${standing}`
              : `kept the firms behind, but allies' standing fell to ${standing} (needs ${v.regulatorMinStanding})`;
        break;
      case 'vendor':
        won = state.vendor.cash >= v.vendorCash;
        why = `ended with $${state.vendor.cash} (target $${v.vendorCash})`;
        break;
      case 'hub':
        won = state.hub.investment >= v.hubInvestment && standing >= v.hubMinStanding;
        why =
          state.hub.investment < v.hubInvestment
            ? `investment ${state.hub.investment} fell short of ${v.hubInvestment}`
            : standing < v.hubMinStanding
              ? `investment ${state.hub.investment} met the target, but standing ${standing} is under ${v.hubMinStanding}`
              : `investment ${state.hub.investment} with standing ${standing}`;
        break;
      default:
        continue;
    }
    if (won) winners.push(seat.id);
    reasons[seat.id] = why;
  }
  return { winners, reasons };
}

/** Who would win if the game ended now: what each role is racing towards, round by round. */
export const provisionalWinners = (state: GameState): Outcome['winners'] =>
  decideOutcome(state).winners;
