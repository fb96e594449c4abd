import type { MoveOption, PlaceId } from '../../../game/engine';

/** An order the viewing seat may give that involves one place. */
export interface PlaceOrder {
  move: MoveOption['move'];
  label: string;
}

/**
 * The seat's orders that can be given now at this place: the allowed moves with at least one
 * legal choice naming it (as the hub, or as where it happens).
 */
export function ordersAt(options: readonly MoveOption[], place: PlaceId): PlaceOrder[] {
  return options
    .filter((o) => o.allowed && o.choices.some((c) => c.args.hub === place || c.args.at === place))
    .map((o) => ({ move: o.move, label: o.label }));
}
