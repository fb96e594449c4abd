import { useMemo, useState } from 'react';
import type { GameState, PlaceId, SeatId } from '../../../game/engine';
import { placeViews, describePlace } from '../selectors/places';
import { movers, routeViews } from '../selectors/map-arcs';
import { MapBackdrop } from './MapBackdrop';
import { PlaceButton, PlaceMark } from './MapPlace';
import { Movers } from './Movers';

const ROUTES = routeViews();

/** The drawn board: places, routes, couriers and shipments; hover or focus a place for details. */
export function MapView({ G, seat }: { G: GameState; seat: SeatId | null }) {
  const places = useMemo(() => placeViews(G, seat), [G, seat]);
  const moving = useMemo(() => movers(G, seat), [G, seat]);
  const [picked, setPicked] = useState<PlaceId | null>(null);
  const current = places.find((p) => p.id === picked);
  return (
    <section className="map-area" aria-labelledby="map-title" data-guide="map">
      <h2 id="map-title" className="sr-only">
        Map
      </h2>
      <svg
        className="map"
        viewBox="0 0 1000 600"
        role="group"
        aria-label="Map of the places and routes. Each place is a button: focus it for its details."
      >
        <MapBackdrop />
        <g aria-hidden="true">
          {ROUTES.map((r) => (
            <path key={r.id} d={r.d} className={`route route-${r.kind}`} />
          ))}
        </g>
        <Movers movers={moving} routes={ROUTES} />
        {places.map((p) => (
          <PlaceMark key={p.id} place={p} selected={p.id === picked} />
        ))}
        <Legend />
        {places.map((p) => (
          <PlaceButton key={p.id} place={p} onSelect={setPicked} />
        ))}
      </svg>
      {current && (
        <div
          className={`place-details ${current.x > 560 ? 'to-left' : 'to-right'} ${current.y > 330 ? 'up' : 'down'}`}
          style={{ left: `${current.x / 10}%`, top: `${current.y / 6}%` }}
          data-testid="place-details"
        >
          <h3>{current.name}</h3>
          <ul>
            {describePlace(current)
              .slice(1)
              .map((line) => (
                <li key={line} className={line.startsWith('Yours') ? 'secret' : undefined}>
                  {line}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Legend() {
  return (
    <g className="legend" transform="translate(18,470)" aria-hidden="true">
      <rect x="-8" y="-18" width="236" height="122" rx="8" />
      <path d="M0,0 H40" className="route route-courier" />
      <text x="50" y="5">
        courier flights
      </text>
      <path d="M0,24 H40" className="route route-shipment" />
      <text x="50" y="29">
        chip shipments
      </text>
      <path d="M0,48 H40" className="route route-smuggling" />
      <text x="50" y="53">
        smuggling path
      </text>
      <g transform="translate(8,74)" className="pods">
        <rect x="0" y="-6" width="6" height="8" className="leased" />
        <rect x="8" y="-6" width="6" height="8" className="free" />
      </g>
      <text x="50" y="77">
        server pods: in use (reading) / idle
      </text>
      <text x="0" y="98">
        P permit · L licence · ! alert · $ fund
      </text>
    </g>
  );
}
