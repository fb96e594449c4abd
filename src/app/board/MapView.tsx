import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GameState, MoveOption, PlaceId, SeatId } from '../../../game/engine';
import { placeViews, describePlace, type PlaceView } from '../selectors/places';
import { movers, routeViews } from '../selectors/map-arcs';
import { ordersAt } from '../selectors/map-orders';
import { MapBackdrop } from './MapBackdrop';
import { MapLegend } from './MapLegend';
import { PlaceButton, PlaceMark } from './MapPlace';
import { Movers } from './Movers';

const ROUTES = routeViews();

/**
 * A map wider than its frame (on a phone) opens centred on the hubs, where the game is played,
 * rather than on its left edge. `hubsX` is the places' x on the 1000-unit-wide map.
 */
function useOpenOnHubs(hubsX: readonly number[]) {
  const scroller = useRef<HTMLDivElement>(null);
  const middle = hubsX.length ? (Math.min(...hubsX) + Math.max(...hubsX)) / 2 : 500;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || el.scrollWidth <= el.clientWidth) return;
    el.scrollLeft = (middle / 1000) * el.scrollWidth - el.clientWidth / 2;
    // Only as the map opens: the player's own scrolling is theirs to keep.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return scroller;
}

/** Opens a move of the planning desk, as if its head had been clicked, and brings it into view. */
function openMove(move: string): void {
  const head = document.querySelector<HTMLButtonElement>(`.move[data-move="${move}"] .move-head`);
  if (!head) return;
  if (head.getAttribute('aria-expanded') !== 'true') head.click();
  head.scrollIntoView({ block: 'nearest' });
  head.focus();
}

/**
 * The drawn board: places, routes, couriers and shipments. Click, tap or press Enter on a place
 * to open its details and the orders the seat may give there; hovering previews the details.
 */
export function MapView({
  G,
  seat,
  options = [],
}: {
  G: GameState;
  seat: SeatId | null;
  /** The seat's moves now (absent for a spectator): the details list those possible at the place. */
  options?: readonly MoveOption[];
}) {
  const places = useMemo(() => placeViews(G, seat), [G, seat]);
  const moving = useMemo(() => movers(G, seat), [G, seat]);
  const [pinned, setPinned] = useState<PlaceId | null>(null);
  const [preview, setPreview] = useState<PlaceId | null>(null);
  const shown = places.find((p) => p.id === (pinned ?? preview));
  const scroller = useOpenOnHubs(places.filter((p) => p.hub).map((p) => p.x));
  return (
    <section className="map-area" aria-labelledby="map-title" data-guide="map">
      <h2 id="map-title" className="sr-only">
        Map
      </h2>
      <div className="map-scroll" ref={scroller}>
        <svg
          className="map"
          viewBox="0 0 1000 600"
          role="group"
          aria-label="Map of the places and routes. Each place is a button: press it for its details and orders."
        >
          <MapBackdrop />
          <g aria-hidden="true">
            {ROUTES.map((r) => (
              <path key={r.id} d={r.d} className={`route route-${r.kind}`} />
            ))}
          </g>
          <Movers movers={moving} routes={ROUTES} />
          {places.map((p) => (
            <PlaceMark key={p.id} place={p} selected={p.id === shown?.id} />
          ))}
          {places.map((p) => (
            <PlaceButton
              key={p.id}
              place={p}
              pinned={p.id === pinned}
              onPick={(id) => setPinned(pinned === id ? null : id)}
              onPreview={setPreview}
            />
          ))}
        </svg>
      </div>
      <p className="map-sideways" aria-hidden="true">
        ◀ Swipe sideways for the whole map ▶
      </p>
      {shown && (
        <PlaceDetails
          place={shown}
          pinned={shown.id === pinned}
          orders={seat === null ? null : ordersAt(options, shown.id)}
          onClose={() => setPinned(null)}
        />
      )}
      <MapLegend />
    </section>
  );
}

function PlaceDetails({
  place: p,
  pinned,
  orders,
  onClose,
}: {
  place: PlaceView;
  pinned: boolean;
  orders: { move: string; label: string }[] | null;
  onClose(): void;
}) {
  // A pinned panel sits in the map's corner away from the place (nothing cut off); a preview
  // floats beside the place.
  const side = pinned
    ? p.x > 500
      ? 'corner-left'
      : 'corner-right'
    : `${p.x > 560 ? 'to-left' : 'to-right'} ${p.y > 330 ? 'up' : 'down'}`;
  return (
    <section
      id="place-details"
      className={`place-details ${side} ${pinned ? 'pinned' : 'preview'}`}
      style={pinned ? undefined : { left: `${p.x / 10}%`, top: `${p.y / 6}%` }}
      aria-label={`${p.name}: details`}
      data-testid="place-details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3>{p.name}</h3>
      <ul>
        {describePlace(p)
          .slice(1)
          .map((line) => (
            <li key={line} className={line.startsWith('Yours') ? 'secret' : undefined}>
              {line}
            </li>
          ))}
      </ul>
      {pinned && orders && (
        <div className="place-orders">
          <h4>Orders you can give here</h4>
          {orders.length === 0 ? (
            <p>None this round.</p>
          ) : (
            <ul>
              {orders.map((o) => (
                <li key={o.move}>
                  <button type="button" className="btn small" onClick={() => openMove(o.move)}>
                    {o.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {pinned && (
        <button type="button" className="btn ghost small place-close" onClick={onClose}>
          Close
        </button>
      )}
    </section>
  );
}
