import type { Ctx, LogEntry, LongFormMove, PlayerID, State } from 'boardgame.io';
import type { ProcessGameConfig } from 'boardgame.io/internal';

type ProcessedGame = ReturnType<typeof ProcessGameConfig>;

/** A game's own move function on plain data: the next G, or null if the move is invalid. */
export type ApplyMove = (G: unknown, playerID: PlayerID, move: string, args: unknown[]) => unknown;

export type Step = { ok: true; state: State; deltalog: LogEntry[] } | { ok: false; error: string };

/**
 * boardgame.io's Flow writes these no-op hooks into the game's own `turn` object when it
 * processes a game, so a processed game always "has" them. Only a hook the game wrote counts.
 */
const BGIO_DEFAULT_HOOK = /^\(\{\s*G\s*\}\)\s*=>\s*G$/;
const written = (hook: unknown): boolean =>
  typeof hook === 'function' && !BGIO_DEFAULT_HOOK.test(String(hook));

/** boardgame.io's default `turn.endIf`, also written into the game's own `turn` object. */
const BGIO_DEFAULT_END_IF = /^\(\)\s*=>\s*false$/;
const writtenEndIf = (endIf: unknown): boolean =>
  typeof endIf === 'function' && !BGIO_DEFAULT_END_IF.test(String(endIf));

/**
 * Whether `turn.activePlayers` is boardgame.io's `ActivePlayers.ALL` (`{ all: Stage.NULL }`):
 * every player active in no stage, with no move limits, reverting or next set. That is the only
 * kind of active players the direct step models (a simultaneous game such as Chokepoint).
 */
export function isAllActive(activePlayers: unknown): boolean {
  if (typeof activePlayers !== 'object' || activePlayers === null || Array.isArray(activePlayers))
    return false;
  const keys = Object.keys(activePlayers);
  return keys.length === 1 && keys[0] === 'all' && (activePlayers as { all: unknown }).all === null;
}

/**
 * What the direct step does not model. Each entry names a part of boardgame.io's game config
 * and is true when `game` uses it; one true entry and the game goes through the reducer.
 * Supporting a feature later means modelling it in `run` and narrowing its entry here.
 */
const UNMODELLED: Record<string, (game: ProcessedGame) => boolean> = {
  undo: (game) => game.disableUndo !== true,
  plugins: (game) => (game.plugins ?? []).length > 0,
  phases: (game) => Object.keys(game.phases ?? {}).length > 0,
  'game onEnd': (game) => written(game.onEnd),
  'no turn.order.next': (game) => game.turn?.order?.next === undefined,
  'turn.onBegin': (game) => written(game.turn?.onBegin),
  'turn.onEnd': (game) => written(game.turn?.onEnd),
  'turn.onMove': (game) => written(game.turn?.onMove),
  'turn.activePlayers other than ActivePlayers.ALL': (game) =>
    game.turn?.activePlayers !== undefined && !isAllActive(game.turn.activePlayers),
  'turn.endIf with turn.activePlayers': (game) =>
    game.turn?.activePlayers !== undefined && writtenEndIf(game.turn.endIf),
  'turn.stages': (game) => Object.keys(game.turn?.stages ?? {}).length > 0,
  'turn.minMoves': (game) => game.turn?.minMoves !== undefined,
  'turn.maxMoves': (game) => game.turn?.maxMoves !== undefined,
  'short-form moves': (game) =>
    !Object.values(game.moves ?? {}).every((m) => typeof m === 'object' && m !== null),
};

/**
 * boardgame.io's server reducer for MAKE_MOVE, for the games it is exact for: one phase, no
 * stages, no undo, no plugins, no hooks (turn.onBegin/onEnd/onMove, the game's onEnd), moves
 * that use neither `random` nor `events`, and a flow of only `turn.order`, `turn.endIf` and the
 * game's `endIf`; or, instead of `turn.endIf`, every player active all game
 * (`turn.activePlayers: ActivePlayers.ALL`, in one turn that never ends). For those the
 * reducer's work is: run the move, count it (the current player's `numMoves`, and with active
 * players that player's `_activePlayersNumMoves`), end the game if `endIf` says so, else end
 * the turn and start the next one if `turn.endIf` says so, logging each step, and bump the
 * stateID. (Active players are set when the turn begins, by InitializeGame: a move does not
 * touch them, and at the game's end boardgame.io leaves them as they are.) Doing only that, on the game's own immutable update
 * (`ApplyMove`) instead of inside boardgame.io's plugins and immer draft, is several times
 * faster; tests/server/direct-step.test.ts replays whole games through both and requires
 * identical states and logs. A game using anything else is refused (`DirectStep.for` returns
 * null, and the server runs it through the reducer) rather than run with parts skipped.
 *
 * The caller has already checked what `transition` checks (the move exists, the seat is active,
 * the stateID is current, the game is not over).
 */
export class DirectStep {
  private constructor(
    private readonly game: ProcessedGame,
    private readonly applyMove: ApplyMove,
  ) {}

  /** The parts of `game` this does not model (empty: the direct step is exact for it). */
  static unmodelled(game: ProcessedGame): string[] {
    return Object.entries(UNMODELLED)
      .filter(([, uses]) => uses(game))
      .map(([part]) => part);
  }

  /** A DirectStep for `game`, or null where boardgame.io's flow does more than this models. */
  static for(game: ProcessedGame, applyMove: ApplyMove | undefined): DirectStep | null {
    if (!applyMove || DirectStep.unmodelled(game).length > 0) return null;
    return new DirectStep(game, applyMove);
  }

  run(state: State, playerID: PlayerID, name: string, args: unknown[]): Step {
    const move = this.game.flow.getMove(state.ctx, name, playerID) as LongFormMove | null;
    if (!move) return { ok: false, error: 'move not available now' };
    const G = this.applyMove(state.G, playerID, name, args);
    if (G === null) return { ok: false, error: 'rejected: action/invalid_move' };

    const entry: LogEntry = {
      action: { type: 'MAKE_MOVE', payload: { type: name, args, playerID } },
      _stateID: state._stateID,
      turn: state.ctx.turn,
      phase: state.ctx.phase,
    };
    const redact =
      typeof move.redact === 'function' ? move.redact({ G: state.G, ctx: state.ctx }) : move.redact;
    if (redact === true) entry.redact = true;
    const deltalog = [entry];

    let ctx: Ctx = move.noLimit === true ? state.ctx : counted(state.ctx, playerID);

    const outcome: unknown = this.game.endIf?.({ G, ctx } as never);
    if (outcome) {
      ctx = { ...ctx, gameover: outcome };
    } else if (this.game.turn?.endIf?.({ G, ctx } as never)) {
      deltalog.push({
        action: { type: 'GAME_EVENT', payload: { type: 'endTurn', args: true } },
        _stateID: state._stateID,
        turn: ctx.turn,
        phase: ctx.phase,
        automatic: true,
      } as LogEntry);
      ctx = this.nextTurn(G, ctx);
    }
    const next: State = { ...state, G, ctx, _stateID: state._stateID + 1 };
    return { ok: true, state: next, deltalog };
  }

  // Only reached without active players: a game with them and a turn.endIf is refused.
  private nextTurn(G: unknown, ctx: Ctx): Ctx {
    const pos = this.game.turn?.order?.next?.({ G, ctx: { ...ctx, activePlayers: null } } as never);
    if (typeof pos !== 'number') throw new Error('turn.order.next ended the phase: not modelled');
    return {
      ...ctx,
      activePlayers: null,
      playOrderPos: pos,
      currentPlayer: ctx.playOrder[pos] as string,
      turn: ctx.turn + 1,
      numMoves: 0,
      _prevActivePlayers: [],
    };
  }
}

/**
 * A move counted as boardgame.io's flow counts it (ProcessMove): the current player's move adds
 * to `numMoves`; while players are active, the mover's entry in `_activePlayersNumMoves` goes
 * up by one. boardgame.io increments that entry in place, in the object the previous state
 * shares; here the previous state is left untouched (it is frozen on the server) and a new
 * object holds the same numbers.
 */
function counted(ctx: Ctx, playerID: PlayerID): Ctx {
  let next = ctx;
  if (playerID === ctx.currentPlayer) next = { ...next, numMoves: (ctx.numMoves ?? 0) + 1 };
  if (ctx.activePlayers) {
    const numMoves = ctx._activePlayersNumMoves ?? {};
    next = {
      ...next,
      _activePlayersNumMoves: { ...numMoves, [playerID]: (numMoves[playerID] as number) + 1 },
    };
  }
  return next;
}
