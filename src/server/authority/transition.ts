import type { CreateGameReducer, ProcessGameConfig } from 'boardgame.io/internal';
import type { LogEntry, State } from 'boardgame.io';
import type { MatchMetadata } from '../storage/types';
import type { DirectStep } from './direct-step';
import { checkAction } from './validate';

/** Returns an error message to refuse, or null to allow. */
export type Guard = (metadata: MatchMetadata) => string | null;

export type Transition =
  | { ok: true; state: State; deltalog: LogEntry[]; metadata?: MatchMetadata }
  | { ok: false; error: string };

type TransientState = State & { transients?: { error?: { type: string } } };

export interface Rules {
  game: ReturnType<typeof ProcessGameConfig>;
  /** The served game's argument check (ServedGame.checkArgs). */
  checkArgs: (move: string, args: unknown[]) => string | null;
  reducer: ReturnType<typeof CreateGameReducer>;
  /** Runs moves without the reducer, where the game allows it (same result). */
  direct: DirectStep | null;
}

/**
 * Decides one client action against the current state, without side effects:
 * the seat exists and passes `guard`; the action is a move or allowed event
 * (validate.ts); the match is running; the seat may act; the stateID is
 * current; and the move is accepted and moves the state forward: by the direct
 * step (direct-step.ts) for a move of a game it models, else by boardgame.io's
 * reducer (events, and games the direct step refuses). Anything else is refused
 * and leaves no trace.
 */
export function transition(
  { game, reducer, direct, checkArgs }: Rules,
  current: { state: State; metadata: MatchMetadata },
  playerID: string,
  raw: unknown,
  stateID: unknown,
  guard?: Guard,
): Transition {
  const { state, metadata } = current;
  if (!metadata.seats.some((s) => s.id === playerID)) return { ok: false, error: 'not a seat' };
  const denied = guard?.(metadata);
  if (denied) return { ok: false, error: denied };
  const checked = checkAction(raw, playerID, game);
  if (!checked.ok) return checked;
  const { action } = checked;
  if (action.type === 'MAKE_MOVE') {
    let bad: string | null;
    try {
      bad = checkArgs(action.payload.type, action.payload.args as unknown[]);
    } catch {
      bad = 'arguments refused';
    }
    if (bad) return { ok: false, error: `bad arguments for ${action.payload.type}: ${bad}` };
  }
  if (metadata.paused) return { ok: false, error: 'match paused' };
  if (state.ctx.gameover !== undefined) return { ok: false, error: 'game over' };
  if (!game.flow.isPlayerActive(state.G, state.ctx, playerID)) {
    return { ok: false, error: 'not your turn' };
  }
  const move =
    action.type === 'MAKE_MOVE'
      ? game.flow.getMove(state.ctx, action.payload.type, playerID)
      : null;
  if (action.type === 'MAKE_MOVE' && !move) return { ok: false, error: 'move not available now' };
  const ignoreStale =
    typeof move === 'object' &&
    move !== null &&
    'ignoreStaleStateID' in move &&
    move.ignoreStaleStateID;
  if (stateID !== state._stateID && !ignoreStale) return { ok: false, error: 'stale stateID' };

  if (direct && action.type === 'MAKE_MOVE') {
    let step;
    try {
      step = direct.run(state, playerID, action.payload.type, action.payload.args as unknown[]);
    } catch {
      return { ok: false, error: 'move failed' };
    }
    return step.ok ? finished(step.state, step.deltalog, metadata) : step;
  }
  let next: TransientState;
  try {
    next = reducer(state, action) as TransientState;
  } catch {
    return { ok: false, error: 'move failed' };
  }
  if (next.transients?.error)
    return { ok: false, error: `rejected: ${next.transients.error.type}` };
  if (!(next._stateID > state._stateID)) return { ok: false, error: 'no change' };
  const { deltalog = [], ...clean } = next;
  delete clean.transients;
  return finished(clean, deltalog, metadata);
}

/** An accepted transition; a move that ends the game also records it in the metadata. */
function finished(state: State, deltalog: LogEntry[], metadata: MatchMetadata): Transition {
  if (state.ctx.gameover !== undefined && metadata.gameover === undefined) {
    const ended = { ...metadata, gameover: state.ctx.gameover, updatedAt: Date.now() };
    return { ok: true, state, deltalog, metadata: ended };
  }
  return { ok: true, state, deltalog };
}
