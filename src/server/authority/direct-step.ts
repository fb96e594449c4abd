import type { Ctx, LogEntry, LongFormMove, PlayerID, State } from 'boardgame.io';
import type { ProcessGameConfig } from 'boardgame.io/internal';

type ProcessedGame = ReturnType<typeof ProcessGameConfig>;

/** A game's own move function on plain data: the next G, or null if the move is invalid. */
export type ApplyMove = (G: unknown, playerID: PlayerID, move: string, args: unknown[]) => unknown;

export type Step = { ok: true; state: State; deltalog: LogEntry[] } | { ok: false; error: string };

/**
 * boardgame.io's server reducer for MAKE_MOVE, for the games it is exact for: one phase, no
 * stages, no undo, no custom plugins, moves that use neither `random` nor `events`, and a flow
 * of only `turn.order`, `turn.endIf` and the game's `endIf`. For those the reducer's work is:
 * run the move, count it, end the game if `endIf` says so, else end the turn and start the next
 * one if `turn.endIf` says so, logging each step, and bump the stateID. Doing only that, on the
 * game's own immutable update (`ApplyMove`) instead of inside boardgame.io's plugins and immer
 * draft, is several times faster; tests/server/direct-step.test.ts replays whole games through
 * both and requires identical states and logs.
 *
 * The caller has already checked what `transition` checks (the move exists, the seat is active,
 * the stateID is current, the game is not over).
 */
export class DirectStep {
  private constructor(
    private readonly game: ProcessedGame,
    private readonly applyMove: ApplyMove,
  ) {}

  /** A DirectStep for `game`, or null where boardgame.io's flow does more than this models. */
  static for(game: ProcessedGame, applyMove: ApplyMove | undefined): DirectStep | null {
    if (!applyMove) return null;
    const { turn } = game;
    const simple =
      game.disableUndo === true &&
      (game.plugins ?? []).length === 0 &&
      Object.keys(game.phases ?? {}).length === 0 &&
      turn !== undefined &&
      turn.order?.next !== undefined &&
      turn.activePlayers === undefined &&
      Object.keys(turn.stages ?? {}).length === 0 &&
      turn.minMoves === undefined &&
      turn.maxMoves === undefined &&
      Object.values(game.moves ?? {}).every((m) => typeof m === 'object' && m !== null);
    return simple ? new DirectStep(game, applyMove) : null;
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

    const counts = playerID === state.ctx.currentPlayer && move.noLimit !== true;
    let ctx: Ctx = counts ? { ...state.ctx, numMoves: (state.ctx.numMoves ?? 0) + 1 } : state.ctx;

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
