import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { planBotOrders, type BotLevel } from '../game/bots';
import {
  act,
  createInitialState,
  playerView,
  SCENARIOS,
  waitingFor,
  type ActionPayload,
} from '../game/engine';
import type { GameState, Role, SealedPlan, SeatId } from '../game/engine';
import { seedRng, type RngState } from '../game/random';

export const seatOfRole = (state: GameState, role: Role, nth = 0): SeatId => {
  const seat = state.seats.filter((s) => s.role === role)[nth];
  if (!seat) throw new Error(`no ${role} seat`);
  return seat.id;
};

/** One seat's planning action, as the engine, boardgame.io and the server take it. */
export interface SeatAction {
  seat: SeatId;
  payload: ActionPayload;
}

/** Takes an action that must be allowed; throws with the engine's reason if it is not. */
export function must(state: GameState, seat: SeatId, payload: ActionPayload): void {
  const result = act(state, seat, payload);
  if (!result.ok) throw new Error(`${payload.action} refused for seat ${seat}: ${result.error}`);
}

/** Every seat that has not submitted submits what it has planned: the round resolves. */
export function finishRound(state: GameState): void {
  for (const seat of waitingFor(state)) must(state, seat, { action: 'submit' });
}

/**
 * A bot's round as planning actions, decided from its own view: the card it plays, its orders,
 * and its submission. With `revise`, it also withdraws its last order and gives it again (a
 * seat may revise its plan until it submits), so that every kind of action is exercised.
 */
export function botActions(
  state: GameState,
  seat: SeatId,
  level: BotLevel,
  rng: RngState,
  revise = false,
): ActionPayload[] {
  const plan = planBotOrders(playerView(state, seat), seat, level, rng);
  const out: ActionPayload[] = [];
  if (plan.card) out.push({ action: 'card', card: plan.card.card, use: plan.card.use });
  for (const order of plan.orders)
    out.push({ action: 'order', move: order.move, args: order.args });
  const last = plan.orders.at(-1);
  if (revise && last) {
    out.push({ action: 'withdraw', index: plan.orders.length - 1 });
    out.push({ action: 'order', move: last.move, args: last.args });
  }
  out.push({ action: 'submit' });
  return out;
}

export interface PlayOptions {
  /** The bot at each seat (default: random everywhere). */
  level?: BotLevel | ((seat: SeatId) => BotLevel);
  /** Withdraw and re-give each seat's last order every round. */
  revise?: boolean;
  /** Called after every action with the state it left. */
  onAction?: (state: GameState, action: SeatAction) => void;
}

export interface PlayedGame {
  actions: SeatAction[];
  final: GameState;
  /** Every round's plans, opened as the round resolved (the state keeps only the last round's). */
  plans: SealedPlan[];
}

/**
 * A whole game of bots on the engine: each round every seat that has not submitted plans from
 * its own view and submits, seat by seat. Every action a bot takes must be allowed.
 */
export function playGame(scenario: string, seed: string, opts: PlayOptions = {}): PlayedGame {
  const state = createInitialState(SCENARIOS[scenario], seed);
  const actions: SeatAction[] = [];
  const rngs = new Map<SeatId, RngState>();
  const plans: SealedPlan[] = [];
  const levelOf = (seat: SeatId): BotLevel =>
    typeof opts.level === 'function' ? opts.level(seat) : (opts.level ?? 'random');
  for (let guard = 0; !state.over; guard++) {
    if (guard > 100) throw new Error('the game did not end');
    for (const seat of waitingFor(state)) {
      let rng = rngs.get(seat);
      if (!rng) rngs.set(seat, (rng = seedRng(`bots:${seed}:${seat}`)));
      for (const payload of botActions(state, seat, levelOf(seat), rng, opts.revise)) {
        const opened = state.opened;
        must(state, seat, payload);
        if (state.opened !== opened) plans.push(...state.opened);
        const action = { seat, payload };
        actions.push(action);
        opts.onAction?.(state, action);
      }
    }
  }
  return { actions, final: state, plans };
}

/** A whole game of random bots; `onStep` sees the state after every action. */
export const playRandomGame = (
  scenario: string,
  seed: string,
  onStep?: (s: GameState) => void,
): PlayedGame => playGame(scenario, seed, { onAction: onStep && ((s) => onStep(s)) });

/** Runs one of the command-line tools (`src/cli/<name>.ts`) from the repository root. */
export const runCli = (name: string, ...args: string[]): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
