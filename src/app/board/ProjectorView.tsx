import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GameState } from '../../../game/engine';
import { lastResolvedRound, logLines, newsCards, signalLines } from '../selectors/news';
import { planningInfo } from '../selectors/planning';
import { roundRecap } from '../selectors/recap';
import { scoreboard } from '../selectors/scoreboard';
import { Logo } from './Logo';
import { MapView } from './MapView';
import { LogPanel, NewsCards } from './NewsPanel';
import { RoundRecap } from './RoundRecap';
import { Scoreboard } from './Scoreboard';
import { Tracker } from './Tracker';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));

interface Props {
  /** The public (spectator) view: nothing secret is drawn from it. */
  G: GameState;
  /** Who is watching, e.g. "Spectator · public view" or "Demo · every role a bot". */
  badge: string;
  paused: boolean;
  /** The speed and pause controls of a demo on this screen; a networked match has none. */
  controls?: ReactNode;
  /** The networked presence strip, under the top bar. */
  presence?: ReactNode;
  onRules(): void;
  onQuit(): void;
  quitLabel?: string;
  /** A demo runs unattended: each recap closes itself after this long, unless paused. */
  recapCloseMs?: number;
}

/**
 * The room's screen, for a projector: the public scoreboard, the map, the news, the charts, the
 * public log and, after each round, the public recap; a large notice while the match is paused.
 * Only public facts: it is drawn from the spectator's view.
 */
export function ProjectorView({
  G,
  badge,
  paused,
  controls,
  presence,
  onRules,
  onQuit,
  quitLabel = 'Leave',
  recapCloseMs,
}: Props) {
  const info = useMemo(() => planningInfo(G, null), [G]);
  const rows = useMemo(() => scoreboard(G), [G]);
  const resolved = lastResolvedRound(G);
  // The recap of each newly resolved round opens by itself; the first one seen is not forced.
  const [seen, setSeen] = useState(resolved);
  const [open, setOpen] = useState(false);
  if (seen !== resolved) {
    setSeen(resolved);
    setOpen(resolved >= 1);
  }
  useEffect(() => {
    if (!open || paused || recapCloseMs === undefined) return;
    const timer = window.setTimeout(() => setOpen(false), recapCloseMs);
    return () => window.clearTimeout(timer);
  }, [open, paused, recapCloseMs, resolved]);
  const recap = useMemo(
    () => (resolved >= 1 ? roundRecap(G, null, resolved) : null),
    [G, resolved],
  );
  return (
    <div className="net-table watch projector">
      <header className="top-bar">
        <Logo small />
        <Tracker info={info} />
        <p className="watch-badge">{badge}</p>
        <div className="top-actions">
          {controls}
          {recap && (
            <button type="button" className="btn ghost" onClick={() => setOpen(true)}>
              Round {resolved} recap
            </button>
          )}
          <button type="button" className="btn ghost" onClick={onRules}>
            Rules
          </button>
          <button type="button" className="btn ghost" onClick={onQuit}>
            {quitLabel}
          </button>
        </div>
      </header>
      {presence}
      {paused && (
        <div className="pause-notice" role="status" data-testid="pause-notice">
          <span className="pause-bars" aria-hidden="true" /> Paused
        </div>
      )}
      <main className="projector-main">
        <div className="board-map">
          <NewsCards news={newsCards(G)} />
          <MapView G={G} seat={null} />
        </div>
        <div className="projector-side">
          <Scoreboard rows={rows} roundsLeft={Math.max(0, G.rounds - G.round)} />
        </div>
        <div className="projector-wide">
          <Suspense fallback={<p role="status">Loading charts…</p>}>
            <ChartsPanel G={G} />
          </Suspense>
          <LogPanel lines={logLines(G, null)} signals={signalLines(G)} />
        </div>
      </main>
      {recap && open && (
        <RoundRecap
          recap={recap}
          audience="everyone (public view)"
          mode="dialog"
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
