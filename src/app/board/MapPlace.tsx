import type { PlaceView } from '../selectors/places';
import { LABEL_SIDE, describePlace } from '../selectors/places';

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
      title: `${p.signals.length} signal(s)`,
      tone: 'signal',
    });
  return badges;
}

/** How one place looks: marker, pods, name, numbers and badges. Decorative: the button is PlaceButton. */
export function PlaceMark({ place: p, selected }: { place: PlaceView; selected: boolean }) {
  const side = LABEL_SIDE[p.id];
  const [lx, ly] = side === 'below' ? [0, 46] : side === 'left' ? [-32, 4] : [32, 4];
  return (
    <g
      className={`place kind-${p.kind} customs-${p.customs} ${selected ? 'selected' : ''}`}
      transform={`translate(${p.x},${p.y})`}
      aria-hidden="true"
    >
      <circle className="focus-ring" r="34" />
      {p.hub && <circle className="customs-ring" r="25" />}
      <circle className="dot" r={p.hub ? 19 : 22} />
      <text className="code" y="6">
        {p.id}
      </text>
      {p.hub && <Pods servers={p.servers} inUse={p.demand} />}
      <g className={`label side-${side}`} transform={`translate(${lx},${ly})`}>
        <text className="name">{p.name}</text>
        {p.hub && (
          <text className="facts" y="17">
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
          transform={`translate(${28 + i * 20},-22)`}
        >
          <rect x="-9" y="-9" width="18" height="18" rx="4" />
          <text y="5">{b.text}</text>
        </g>
      ))}
      {p.mine.length > 0 && (
        <g className="mine" transform="translate(-34,-20)">
          <path d="M0,-10 L10,0 L0,10 L-10,0 Z" />
          <text y="4">{p.mine.length}</text>
        </g>
      )}
      {p.exposed.length > 0 && (
        <g className="exposed" transform="translate(-34,18)">
          <rect x="-9" y="-9" width="18" height="18" />
          <text y="5">×</text>
        </g>
      )}
    </g>
  );
}

/** The focusable target over a place: hover, focus or Enter shows its details. */
export function PlaceButton({
  place: p,
  onSelect,
}: {
  place: PlaceView;
  onSelect(id: PlaceView['id'] | null): void;
}) {
  return (
    <circle
      className="hit"
      cx={p.x}
      cy={p.y}
      r="30"
      role="button"
      tabIndex={0}
      aria-label={describePlace(p).join(' ')}
      data-place={p.id}
      onClick={() => onSelect(p.id)}
      onMouseEnter={() => onSelect(p.id)}
      onMouseLeave={() => onSelect(null)}
      onFocus={() => onSelect(p.id)}
      onBlur={() => onSelect(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(p.id);
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
