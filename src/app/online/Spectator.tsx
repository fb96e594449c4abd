import { useMemo } from 'react';
import type { BoardProps as BgioProps } from 'boardgame.io/react';
import { activeSeat, type GameState } from '../../../game/engine';
import { EndScreen } from '../end/EndScreen';
import { MapView } from '../board/MapView';
import { LogPanel, NewsCard } from '../board/NewsPanel';
import { Tracker } from '../board/Tracker';
import { Logo } from '../board/Logo';
import { logLines, newsView, signalLines } from '../selectors/news';
import { turnInfo } from '../selectors/turn';
import { PresenceStrip } from './PresenceStrip';
import { seatRows, type MatchDataSeat } from './seats';
import { useMatchStatus } from './useLiveMatch';

export interface WatchExtras {
  onRules(): void;
  onQuit(): void;
}

/** What a spectator sees: the public map, the news, the public log and who is connected. */
export function Spectator({
  G,
  matchID,
  matchData,
  isConnected,
  onRules,
  onQuit,
}: BgioProps<GameState> & WatchExtras) {
  const status = useMatchStatus(matchID);
  const info = useMemo(() => (G ? turnInfo(G, null) : null), [G]);
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
        active={activeSeat(G)}
        online={isConnected}
        paused={status.paused}
        refused={null}
        creator={false}
      />
      <main className="watch-main">
        <div className="board-map">
          <NewsCard news={newsView(G)} />
          <MapView G={G} seat={null} />
        </div>
        <LogPanel lines={logLines(G, null)} signals={signalLines(G)} />
      </main>
    </div>
  );
}
