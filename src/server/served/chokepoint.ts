import type { State } from 'boardgame.io';
import { ChokepointGame } from '../../../game/bgio';
import type { EventCard } from '../../../game/events/types';
import { planBotOrders } from '../../../game/bots';
import { PLAN_ACTIONS, type ActionPayload } from '../../../game/flow';
import { seatId } from '../../../game/ids';
import { SCENARIOS } from '../../../game/scenarios';
import type { GameState } from '../../../game/state';
import { checkMoveArgs } from '../../../game/moves/args';
import { afterAction } from '../../../game/update';
import { recordReplay, replayActionOf, REPLAY_MAX_MESSAGES } from '../../../game/replay';
import type { BotMove, ReplaySource, ScenarioInfo, ServedGame } from './served-game';
import { chokepointSession } from './chokepoint-session';

const scenarios: Record<string, ScenarioInfo> = Object.fromEntries(
  Object.values(SCENARIOS).map((s) => [
    s.id,
    {
      id: s.id,
      name: s.name,
      seats: s.seats.map((seat, i) => ({ id: String(i), role: seat.role, name: seat.name })),
    },
  ]),
);

const isPlanAction = (move: string): boolean => (PLAN_ACTIONS as readonly string[]).includes(move);

/**
 * A bot seat's round, from its own view: the card it plays, its orders, then its submission.
 * Nothing once it has submitted (or for a seat that gives no orders, or when the game is over).
 * A plan it began and could not finish (the server restarted, an order was refused) is carried
 * on: the bot adds orders to those it has and submits.
 */
export function planChokepointBot(
  view: State,
  playerID: string,
  level: Parameters<typeof planBotOrders>[2],
  rngSeed: string,
): BotMove[] {
  const G = view.G as GameState;
  const seat = seatId(playerID);
  const desk = G.plans[seat];
  if (G.over || !desk || desk.submitted) return [];
  const plan = planBotOrders(G, seat, level, rngSeed);
  const moves: BotMove[] = [];
  if (plan.card && desk.card === null) moves.push({ move: 'card', args: [plan.card] });
  for (const order of plan.orders) moves.push({ move: 'order', args: [order] });
  moves.push({ move: 'submit', args: [] });
  return moves;
}

/** Chokepoint as the server serves it: seat i of a scenario is playerID String(i). */
export const chokepointServed: ServedGame = {
  game: ChokepointGame,
  scenarios,
  setupData: (scenario, seed) => ({ scenario, seed }),
  planBotMoves: planChokepointBot,
  checkArgs: checkMoveArgs,
  roundOf: (G) => (G as GameState).round,
  facilitatorRoles: ['facilitator'],
  // A getter: chokepoint-session.ts imports this module's bot, so either may load first.
  get session() {
    return chokepointSession;
  },
  /**
   * The boardgame.io moves order/withdraw/card/submit on plain data, exactly as game/bgio.ts
   * runs them: the move's name is the planning action, its one argument the payload.
   */
  replayFile: chokepointReplay,
  applyMove: (G, playerID, move, args) => {
    if (!isPlanAction(move)) return null;
    const payload: unknown = args[0];
    const action = { ...((payload ?? {}) as object), action: move } as ActionPayload;
    return afterAction(G as GameState, seatId(playerID), action);
  },
};

/** A Chokepoint match's replay file: its scenario and seed, and every planning action taken. */
function chokepointReplay(m: ReplaySource): unknown {
  const data = m.setupData as { scenario?: unknown; seed?: unknown } | null;
  const scenario = typeof data?.scenario === 'string' ? SCENARIOS[data.scenario] : undefined;
  if (!scenario || typeof data?.seed !== 'string') throw new Error('match has no replayable setup');
  const actions = m.moves
    .filter((x) => isPlanAction(x.move))
    .map((x) =>
      replayActionOf(x.playerID, {
        ...((x.args[0] ?? {}) as object),
        action: x.move,
      } as ActionPayload),
    );
  return recordReplay({
    id: m.matchID,
    source: 'online',
    scenario,
    seed: data.seed,
    actions,
    players: m.players,
    savedAt: m.savedAt,
    // The file's limit: the first messages are kept, as the match's chat keeps its first.
    ...(m.messages ? { messages: m.messages.slice(0, REPLAY_MAX_MESSAGES) } : {}),
    console: (m.console ?? []).map((c) => {
      const at = m.moves.slice(0, c.at).filter((x) => isPlanAction(x.move)).length;
      return c.kind === 'end'
        ? { at, kind: 'end' as const }
        : { at, kind: 'inject' as const, card: c.card as string | EventCard };
    }),
  });
}
