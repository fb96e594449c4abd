import type { PlaceView } from '../selectors/places';
import { describePlace } from '../selectors/places';
import { FACTS_GAP, LABEL_SPOT } from './mapLayout';

interface Badge {
  key: string;
  text: string;
  title: string;
  tone: string;
}

function badgesOf(p: PlaceView): Badge[] {
  const badges: Badge[] = [];
  if (p.permit)
    badges.push({ key: 'permit', text: 'P', title: 'Permit regime in force', tone: 'rule' });
  if (p.licence)
    badges.push({ key: 'licence', text: 'L', title: 'Export licence needed', tone: 'rule' });
  if (p.alert) badges.push({ key: 'alert', text: '!', title: 'Customs on alert', tone: 'alert' });
  if (p.leasingFund)
    badges.push({ key: 'fund', text: '$', title: 'Leasing fund here', tone: 'fund' });
  if (p.signals.length)
    badges.push({
      key: 'signal',
      text: '?',
      title: `${p.signals.length} signal${p.signals.length === 1 ? '' : 's'}`,
      tone: 'signal',
    });
  return badges;
}

/** How one place looks: marker, pods, name, numbers and badges. Decorative: the button is PlaceButton. */
export function PlaceMark({ place: p, selected }: { place: PlaceView; selected: boolean }) {
  const spot = LABEL_SPOT[p.id];
  return (
    <g
      className={`place kind-${p.kind} customs-${p.customs} ${selected ? 'selected' : ''}`}
      transform={`translate(${p.x},${p.y})`}
      aria-hidden="true"
      data-place-mark={p.id}
    >
      <circle className="focus-ring" r="34" />
      {p.hub && <circle className="customs-ring" r="25" />}
      <circle className="dot" r={p.hub ? 19 : 22} />
      <text className="code" y="6">
        {p.id}
      </text>
      {p.hub && <Pods servers={p.servers} inUse={p.demand} />}
      <g className="label" transform={`translate(${spot.dx},${spot.dy})`}>
        <text className="name map-label" textAnchor={spot.anchor}>
          {p.name}
        </text>
        {p.hub && (
          <text className="facts map-label" y={FACTS_GAP} textAnchor={spot.anchor}>
            {p.servers} pod{p.servers === 1 ? '' : 's'} · {p.demand} in use
            {p.demandChange !== 0 &&
              (p.demandChange > 0 ? ` ▲${p.demandChange}` : ` ▼${-p.demandChange}`)}
          </text>
        )}
      </g>
      {badgesOf(p).map((b, i) => (
        <g
          key={b.key}
          className={`badge tone-${b.tone}`}
          transform={`translate(${30 + i * 24},-26)`}
        >
          <title>{b.title}</title>
          <rect x="-11" y="-11" width="22" height="22" rx="4" />
          <text className="map-label" y="6">
            {b.text}
          </text>
        </g>
      ))}
      {p.mine.length > 0 && (
        <g className="mine" transform="translate(-36,-22)">
          <path d="M0,-12 L12,0 L0,12 L-12,0 Z" />
          <text className="map-label" y="6">
            {p.mine.length}
          </text>
        </g>
      )}
      {p.exposed.length > 0 && (
        <g className="exposed" transform="translate(-36,20)">
          <rect x="-11" y="-11" width="22" height="22" />
          <text className="map-label" y="6">
            ×
          </text>
        </g>
      )}
    </g>
  );
}

/** The focusable target over a place: a click, a tap or Enter opens its details; hover or focus previews them. */
export function PlaceButton({
  place: p,
  pinned,
  onPick,
  onPreview,
}: {
  place: PlaceView;
  pinned: boolean;
  onPick(id: PlaceView['id']): void;
  onPreview(id: PlaceView['id'] | null): void;
}) {
  return (
    <circle
      className="hit"
      cx={p.x}
      cy={p.y}
      r="30"
      role="button"
      tabIndex={0}
      aria-label={`${describePlace(p)[0]} Open its details and orders.`}
      aria-expanded={pinned}
      aria-controls="place-details"
      data-place={p.id}
      onClick={() => onPick(p.id)}
      onMouseEnter={() => onPreview(p.id)}
      onMouseLeave={() => onPreview(null)}
      onFocus={() => onPreview(p.id)}
      onBlur={() => onPreview(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick(p.id);
        }
      }}
    />
  );
}

/** Server pods as small squares above the marker: filled ones are in use by the public reading. */
function Pods({ servers, inUse }: { servers: number; inUse: number }) {
  const shown = Math.min(servers, 12);
  const width = shown * 8;
  return (
    <g className="pods" transform={`translate(${-width / 2},-40)`}>
      {Array.from({ length: shown }, (_, i) => (
        <rect
          key={i}
          x={i * 8}
          y="0"
          width="6"
          height="8"
          className={i < inUse ? 'leased' : 'free'}
        />
      ))}
    </g>
  );
}
