import { affordable, roleOf } from '../access';
import { planningProblem, repeatProblem } from '../orders/plan';
import type { SeatId } from '../ids';
import { MOVE_BY_NAME } from '../moves';
import type { MoveArgs, MoveName } from '../moves/types';
import type { GameState } from '../state';
import type { BotChoice } from './types';

/**
 * The choices `legalMoves` offers a seat, worked out move by move only when a bot asks: the
 * same test as `legalMoves` (role, scenario, turn, the move's own check, the cost), without
 * enumerating every argument of every move at each decision. tests/bots.test.ts holds the two
 * equal.
 */
export class LegalSet {
  private readonly byMove = new Map<MoveName, MoveArgs[]>();
  private readonly open: boolean;

  /** `view` is the world as the seat expects it after its planned orders; `banned` lists move
   * families this bot may not use (the simulator's --ban). */
  constructor(
    private readonly view: GameState,
    private readonly seat: SeatId,
    private readonly banned: readonly string[] = [],
  ) {
    this.open = planningProblem(view, seat) === null;
  }

  /** Every legal argument set of a move (empty when the move is not allowed now). */
  of(move: MoveName): MoveArgs[] {
    let list = this.byMove.get(move);
    if (!list) this.byMove.set(move, (list = this.compute(move)));
    return list;
  }

  private compute(move: MoveName): MoveArgs[] {
    const spec = MOVE_BY_NAME[move];
    const { view: state, seat } = this;
    if (!this.open || spec.role !== roleOf(state, seat) || state.disabledMoves.includes(move))
      return [];
    if (this.banned.includes(spec.family)) return [];
    const ctx = { state, seat };
    const planned = state.plans[seat]?.orders ?? [];
    return spec
      .options(ctx)
      .filter(
        (args) =>
          !(
            repeatProblem(planned, move, args) ??
            spec.check(ctx, args) ??
            affordable(state, seat, spec.cost(ctx, args))
          ),
      );
  }

  can(move: MoveName): boolean {
    return this.of(move).length > 0;
  }

  /** The offered choice equal to `args` (every named field matches), or null. */
  find(move: MoveName, args: MoveArgs): BotChoice | null {
    const keys = Object.keys(args) as (keyof MoveArgs)[];
    const hit = this.of(move).find((a) => keys.every((k) => a[k] === args[k]));
    return hit ? { move, args: hit } : null;
  }

  /** The first offered choice that passes the test, or null. */
  first(move: MoveName, test: (args: MoveArgs) => boolean = () => true): BotChoice | null {
    const hit = this.of(move).find(test);
    return hit ? { move, args: hit } : null;
  }
}
