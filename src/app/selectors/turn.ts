import { activeSeat, type GameState, type SeatId } from '../../../game/engine';
import { ROLE_MARK, quarterOf, roleOfSeat, seatName } from './format';

export interface TurnStep {
  seat: SeatId;
  name: string;
  mark: string;
  state: 'done' | 'now' | 'next';
}

export interface TurnInfo {
  round: number;
  rounds: number;
  quarter: string;
  active: SeatId | null;
  activeName: string;
  actionsLeft: number;
  mine: boolean;
  steps: TurnStep[];
  over: boolean;
}

/** The round/phase tracker: news opened the round, then each seat in order, then resolution. */
export function turnInfo(G: GameState, seat: SeatId | null): TurnInfo {
  const active = activeSeat(G);
  return {
    round: G.round,
    rounds: G.rounds,
    quarter: quarterOf(G.startYear, G.round),
    active,
    activeName: active ? seatName(G, active) : '',
    actionsLeft: G.actionsLeft,
    mine: active !== null && active === seat,
    over: G.over,
    steps: G.order.map((s, i) => ({
      seat: s,
      name: seatName(G, s),
      mark: ROLE_MARK[roleOfSeat(G, s) ?? 'facilitator'],
      state: G.over || i < G.turn ? 'done' : i === G.turn ? 'now' : 'next',
    })),
  };
}
