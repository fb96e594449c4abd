import { useState } from 'react';
import type { HostCard } from './lobby';

/** The code, big enough for the back row, the QR code of the join link, and both links. */
export function QrPanel({ card, matchID }: { card: HostCard | null; matchID: string }) {
  const watchUrl = card?.spectateUrl
    ? new URL(card.spectateUrl, window.location.origin).href
    : `${window.location.origin}/watch/${matchID}`;
  return (
    <section className="panel qr-panel" aria-labelledby="qr-title">
      <h2 id="qr-title">Join this match</h2>
      {card ? (
        <>
          <p
            className="big-code"
            aria-label={`Join code: ${card.joinCode.split('').join(' ')}`}
            data-testid="join-code"
          >
            {card.joinCode}
          </p>
          <img
            className="qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qrSvg)}`}
            alt={`QR code that opens ${card.joinUrl}`}
          />
          <CopyLine label="Join link" value={card.joinUrl} />
        </>
      ) : (
        <p className="muted">
          The code and QR code are shown on the browser that created the match.
        </p>
      )}
      <CopyLine label="Spectator link (public view)" value={watchUrl} />
    </section>
  );
}

function CopyLine({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-line">
      <span className="copy-label">{label}</span>
      <a href={value} className="copy-value">
        {value}
      </a>
      <button
        type="button"
        className="btn ghost small"
        aria-label={`Copy the ${label.toLowerCase()}`}
        onClick={() => {
          navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
