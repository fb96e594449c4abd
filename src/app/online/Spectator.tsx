import { useMemo, useState } from 'react';
import type { BoardProps as BgioProps } from 'boardgame.io/react';
import { waitingFor, type GameState } from '../../../game/engine';
import { EndScreen } from '../end/EndScreen';
import { MapView } from '../board/MapView';
import { LogPanel, NewsCards } from '../board/NewsPanel';
import { RoundRecap } from '../board/RoundRecap';
import { Tracker } from '../board/Tracker';
import { Logo } from '../board/Logo';
import { lastResolvedRound, logLines, newsCards, signalLines } from '../selectors/news';
import { roundRecap } from '../selectors/recap';
import { planningInfo } from '../selectors/planning';
import { PresenceStrip } from './PresenceStrip';
import { seatRows, type MatchDataSeat } from './seats';
import { useMatchStatus } from './useLiveMatch';

export interface WatchExtras {
  onRules(): void;
  onQuit(): void;
}

/**
 * What a spectator sees: the public map, the news, the public log, who is connected and who is
 * still planning; after each resolution the public round recap (for a projector).
 */
export function Spectator({
  G,
  matchID,
  matchData,
  isConnected,
  onRules,
  onQuit,
}: BgioProps<GameState> & WatchExtras) {
  const status = useMatchStatus(matchID);
  const info = useMemo(() => (G ? planningInfo(G, null) : null), [G]);
  const resolved = G ? lastResolvedRound(G) : 0;
  // The recap of each newly resolved round opens by itself; the first one seen is not forced.
  const [seen, setSeen] = useState(resolved);
  const [open, setOpen] = useState(false);
  if (seen !== resolved) {
    setSeen(resolved);
    setOpen(resolved >= 1);
  }
  const recap = useMemo(
    () => (G && resolved >= 1 ? roundRecap(G, null, resolved) : null),
    [G, resolved],
  );
  if (!G || !info) return null;
  if (G.over) return <EndScreen G={G} onNewGame={onQuit} />;
  const rows = seatRows(null, matchData as MatchDataSeat[] | undefined);
  return (
    <div className="net-table watch">
      <header className="top-bar">
        <Logo small />
        <Tracker info={info} />
        <p className="watch-badge">Spectator · public view</p>
        <div className="top-actions">
          {recap && (
            <button type="button" className="btn ghost" onClick={() => setOpen(true)}>
              Round {resolved} recap
            </button>
          )}
          <button type="button" className="btn ghost" onClick={onRules}>
            Rules
          </button>
          <button type="button" className="btn ghost" onClick={onQuit}>
            Leave
          </button>
        </div>
      </header>
      <PresenceStrip
        matchID={matchID}
        rows={rows}
        me={null}
        planning={waitingFor(G)}
        online={isConnected}
        paused={status.paused}
        fixedSeed={status.fixedSeed}
        refused={null}
        creator={false}
      />
      <main className="watch-main">
        <div className="board-map">
          <NewsCards news={newsCards(G)} />
          <MapView G={G} seat={null} />
        </div>
        <LogPanel lines={logLines(G, null)} signals={signalLines(G)} />
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
