import { useEffect, useState } from 'react';
import type { HostCard } from './lobby';

/** The QR code of `url` as an SVG data URL, drawn here (the encoder loads only when needed). */
function useQrCode(url: string | undefined): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    import('qrcode')
      .then((mod) => mod.default.toString(url, { type: 'svg', margin: 1 }))
      .then(
        (text) => live && setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`),
        () => live && setSvg(null),
      );
    return () => {
      live = false;
    };
  }, [url]);
  return svg;
}

/** The code, big enough for the back row, the QR code of the join link, and both links. */
export function QrPanel({ card, matchID }: { card: HostCard | null; matchID: string }) {
  const qr = useQrCode(card?.joinUrl);
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
          {qr ? (
            <img className="qr" src={qr} alt={`QR code that opens ${card.joinUrl}`} />
          ) : (
            <div className="qr" aria-hidden="true" />
          )}
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
