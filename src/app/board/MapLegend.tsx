/** What every mark on the map means, under the map, in page text (readable at any map size). */
export function MapLegend() {
  return (
    <details className="map-legend" open>
      <summary>Map key</summary>
      <ul>
        <li>
          <Swatch>
            <circle cx="12" cy="9" r="7" className="key-dot kind-hub" />
          </Swatch>
          data-centre hub
        </li>
        <li>
          <Swatch>
            <circle cx="12" cy="9" r="7" className="key-dot kind-home" />
          </Swatch>
          AI labs&apos; home
        </li>
        <li>
          <Swatch>
            <circle cx="12" cy="9" r="7" className="key-dot kind-regulator" />
          </Swatch>
          regulator
        </li>
        <li>
          <Swatch>
            <circle cx="12" cy="9" r="7" className="key-dot kind-foundry" />
          </Swatch>
          chip foundry
        </li>
        <li>
          <Swatch>
            <circle cx="12" cy="9" r="7" className="key-ring lax" />
          </Swatch>
          customs lax / normal / strict (dashed, thin, thick ring)
        </li>
        <li>
          <Swatch>
            <rect x="3" y="5" width="6" height="8" className="key-pod leased" />
            <rect x="13" y="5" width="6" height="8" className="key-pod free" />
          </Swatch>
          server pods: in use / idle
        </li>
        <li>
          <Swatch>
            <path d="M0,9 H24" className="route route-courier" />
          </Swatch>
          courier flight carrying data drives
        </li>
        <li>
          <Swatch>
            <path d="M0,9 H24" className="route route-shipment" />
          </Swatch>
          chip shipment
        </li>
        <li>
          <Swatch>
            <path d="M0,9 H24" className="route route-smuggling" />
          </Swatch>
          smuggling path
        </li>
        <li>
          <span className="key-badge tone-rule">P</span> permit regime
        </li>
        <li>
          <span className="key-badge tone-rule">L</span> export licence
        </li>
        <li>
          <span className="key-badge tone-alert">!</span> customs alert
        </li>
        <li>
          <span className="key-badge tone-fund">$</span> leasing fund
        </li>
        <li>
          <span className="key-badge tone-signal">?</span> signal seen
        </li>
        <li>
          <span className="key-badge key-mine">◆</span> yours (secret)
        </li>
        <li>
          <span className="key-badge key-exposed">×</span> exposed
        </li>
      </ul>
    </details>
  );
}

function Swatch({ children }: { children: React.ReactNode }) {
  return (
    <svg className="key-swatch" width="24" height="18" viewBox="0 0 24 18" aria-hidden="true">
      {children}
    </svg>
  );
}
