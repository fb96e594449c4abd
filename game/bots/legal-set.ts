import { legalMoves } from '../legal';
import type { SeatId } from '../ids';
import type { MoveArgs, MoveName } from '../moves/types';
import type { GameState } from '../state';
import type { BotChoice } from './types';

/** The choices `legalMoves` offers a seat, indexed by move, so a bot can test its ideas cheaply. */
export class LegalSet {
  private readonly byMove = new Map<MoveName, MoveArgs[]>();

  constructor(view: GameState, seat: SeatId) {
    for (const option of legalMoves(view, seat)) {
      if (option.allowed)
        this.byMove.set(
          option.move,
          option.choices.map((c) => c.args),
        );
    }
  }

  /** Every legal argument set of a move (empty when the move is not allowed now). */
  of(move: MoveName): MoveArgs[] {
    return this.byMove.get(move) ?? [];
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

  /** Every offered choice of every move, for a random pick. */
  all(): BotChoice[] {
    const out: BotChoice[] = [];
    for (const [move, list] of this.byMove) for (const args of list) out.push({ move, args });
    return out;
  }
}

/** The first idea that is not null, else pass. */
export function firstOf(...ideas: (BotChoice | null | undefined)[]): BotChoice {
  for (const idea of ideas) if (idea) return idea;
  return { move: 'pass', args: {} };
}
