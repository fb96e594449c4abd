import type { GameState } from '../../../game/engine';
import { turnInfo } from '../selectors/turn';

/** One line on the match's progress: round, who plays, paused or over. */
export function LiveLine({
  G,
  paused,
  over,
}: {
  G: GameState | null;
  paused: boolean;
  over: boolean;
}) {
  let text = 'Connecting…';
  if (G) {
    const info = turnInfo(G, null);
    text =
      over || info.over
        ? 'The match is over'
        : `Round ${info.round}/${info.rounds} · ${info.quarter} · ${info.activeName || 'resolving'} to play`;
  }
  return (
    <p className={`live-line ${paused ? 'paused' : ''}`} role="status" aria-live="polite">
      {paused && <strong className="paused-badge">Paused</strong>} {text}
    </p>
  );
}
