import type { GameState } from '../../../game/engine';
import { planningInfo } from '../selectors/planning';

/** One line on the match's progress: round, who is still planning, paused or over. */
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
    const info = planningInfo(G, null);
    text =
      over || info.over
        ? 'The match is over'
        : `Round ${info.round}/${info.rounds} · ${info.quarter} · ${
            info.waiting.length ? `waiting for ${info.waiting.join(', ')}` : 'resolving'
          }`;
  }
  return (
    <p className={`live-line ${paused ? 'paused' : ''}`} role="status" aria-live="polite">
      {paused && <strong className="paused-badge">Paused</strong>} {text}
    </p>
  );
}
