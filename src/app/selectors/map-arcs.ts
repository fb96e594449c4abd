import {
  PLACE_INFO,
  ROUTES,
  type GameState,
  type PlaceId,
  type SeatId,
} from '../../../game/engine';
import type { RouteKind } from '../../../game/map';
import { placeName } from './format';

export interface RouteView {
  id: string;
  kind: RouteKind;
  from: PlaceId;
  to: PlaceId;
  /** SVG path, a gentle arc from one place to the other. */
  d: string;
  /** The arc's midpoint, where a moving courier or shipment is drawn. */
  mid: { x: number; y: number };
}

export interface Mover {
  id: string;
  kind: 'courier' | 'model' | 'shipment';
  routeId: string;
  label: string;
  /** Only the viewing seat knows about it. */
  secret: boolean;
}

const routeId = (from: PlaceId, to: PlaceId): string => `${from}-${to}`;

function control(
  from: PlaceId,
  to: PlaceId,
): { ax: number; ay: number; bx: number; by: number; cx: number; cy: number } {
  const a = PLACE_INFO[from];
  const b = PLACE_INFO[to];
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const bend = 0.18;
  const cx = mx - dy * bend;
  const cy = my + dx * bend;
  return { ax: a.x, ay: a.y, bx: b.x, by: b.y, cx, cy };
}

export function arc(from: PlaceId, to: PlaceId): string {
  const { ax, ay, bx, by, cx, cy } = control(from, to);
  return `M${ax},${ay} Q${cx.toFixed(1)},${cy.toFixed(1)} ${bx},${by}`;
}

function midpoint(from: PlaceId, to: PlaceId): { x: number; y: number } {
  const { ax, ay, bx, by, cx, cy } = control(from, to);
  return { x: (ax + 2 * cx + bx) / 4, y: (ay + 2 * cy + by) / 4 };
}

export function routeViews(): RouteView[] {
  return ROUTES.map((r) => ({
    id: routeId(r.from, r.to),
    kind: r.kind,
    from: r.from,
    to: r.to,
    d: arc(r.from, r.to),
    mid: midpoint(r.from, r.to),
  }));
}

/** Couriers (the viewing firm's own, secret) and chip shipments (public) on their way. */
export function movers(G: GameState, seat: SeatId | null): Mover[] {
  const out: Mover[] = [];
  const firm = seat === null ? undefined : G.firms[seat];
  if (firm && !firm.secrets.redacted) {
    for (const c of firm.secrets.couriers) {
      const home = c.to === 'CN';
      out.push({
        id: c.id,
        kind: home ? 'model' : 'courier',
        // Couriers fly on the CN-hub routes both ways.
        routeId: home ? routeId('CN', c.from) : routeId('CN', c.to),
        label: home
          ? `Your engineer carries a model (+${c.model}) home from ${placeName(c.from)}`
          : `Your ${c.carriers} carrier${c.carriers > 1 ? 's' : ''} with ${c.tb} TB fly to ${placeName(c.to)}`,
        secret: true,
      });
    }
  }
  G.pending.forEach((p, i) => {
    if (p.kind === 'shipment') {
      out.push({
        id: `ship${i}`,
        kind: 'shipment',
        routeId: routeId('TW', p.hub),
        label: `${p.pods} pods of chips shipping to ${placeName(p.hub)}`,
        secret: false,
      });
    }
  });
  return out;
}
