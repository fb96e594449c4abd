import {
  SCENARIOS,
  createInitialState,
  planOrder,
  playCard,
  playerView,
  submitOrders,
  waitingFor,
  type GameState,
  type MoveArgs,
  type SeatId,
} from '../../game/engine';
import { planBotOrders } from '../../game/bots';
import { seedRng } from '../../game/random';

export const seat = (s: string): SeatId => s as SeatId;

export function fresh(scenario = 'classroom', seed = 'app-tests'): GameState {
  const s = SCENARIOS[scenario];
  if (!s) throw new Error(scenario);
  return createInitialState(s, seed);
}

/** One seat's orders, given and sealed; throws if the engine refuses one. */
export function plan(
  G: GameState,
  who: SeatId,
  orders: [string, MoveArgs?][],
  submit = true,
): GameState {
  for (const [move, args] of orders) {
    const r = planOrder(G, who, move, args ?? {});
    if (!r.ok) throw new Error(`${move}: ${r.error}`);
  }
  if (submit) submitOrders(G, who);
  return G;
}

/** Every seat still planning submits what it has: the round resolves. */
export function resolve(G: GameState): GameState {
  for (const s of waitingFor(G)) submitOrders(G, s);
  return G;
}

/** Plays whole rounds with random bots, each from its own view: varied states for tests. */
export function playRounds(G: GameState, rounds: number, seed = 'walk'): GameState {
  const rng = seedRng(seed);
  for (let r = 0; r < rounds && !G.over; r++) {
    for (const s of waitingFor(G)) {
      const p = planBotOrders(playerView(G, s), s, 'random', rng);
      if (p.card) playCard(G, s, p.card.card, p.card.use);
      for (const o of p.orders) planOrder(G, s, o.move, o.args);
      submitOrders(G, s);
      if (G.over) break;
    }
  }
  return G;
}

export function playToEnd(G: GameState, seed = 'end'): GameState {
  return playRounds(G, 100, seed);
}

export { playerView };
