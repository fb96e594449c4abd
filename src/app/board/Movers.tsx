import type { Mover, RouteView } from '../selectors/map-arcs';

/**
 * Couriers and shipments on their way, drawn at the middle of their route: icons only (the key
 * under the map names them, each has a title), so no text of theirs lies over a place's label.
 */
export function Movers({ movers, routes }: { movers: Mover[]; routes: RouteView[] }) {
  const count: Record<string, number> = {};
  return (
    <g className="movers">
      {movers.map((m) => {
        const r = routes.find((x) => x.id === m.routeId);
        if (!r) return null;
        const k = (count[m.routeId] = (count[m.routeId] ?? 0) + 1) - 1;
        return (
          <g
            key={m.id}
            className={`mover mover-${m.kind} ${m.secret ? 'secret' : ''}`}
            transform={`translate(${r.mid.x},${r.mid.y + k * 26})`}
            data-mover={m.kind}
          >
            <title>{m.label}</title>
            <rect x="-13" y="-10" width="26" height="20" rx={m.kind === 'shipment' ? 2 : 6} />
            {m.kind === 'shipment' ? (
              <path d="M-13,-3 H13 M0,-10 V10" />
            ) : (
              <path d="M-5,-10 V-14 H5 V-10" />
            )}
          </g>
        );
      })}
    </g>
  );
}
