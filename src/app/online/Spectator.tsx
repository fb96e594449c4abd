import type { BoardProps as BgioProps } from 'boardgame.io/react';
import { waitingFor, type GameState } from '../../../game/engine';
import { EndScreen } from '../end/EndScreen';
import { fetchMatchReplay } from '../debrief/matchReplay';
import { ProjectorView } from '../board/ProjectorView';
import { PresenceStrip } from './PresenceStrip';
import { seatRows, type MatchDataSeat } from './seats';
import { TableTalk } from './TableTalk';
import { useMatchStatus } from './useLiveMatch';

export interface WatchExtras {
  onRules(): void;
  onQuit(): void;
  /** Show the match's chat, to read (a class session has its own talk instead). */
  tableTalk?: boolean;
}

/**
 * What a spectator sees, for a projector: the public scoreboard, map, news, charts and log, who
 * is connected and who is still planning, a large notice while paused, and after each
 * resolution the public round recap.
 */
export function Spectator({
  G,
  matchID,
  matchData,
  isConnected,
  chatMessages,
  onRules,
  onQuit,
  tableTalk = false,
}: BgioProps<GameState> & WatchExtras) {
  const status = useMatchStatus(matchID);
  if (!G) return null;
  if (G.over)
    return <EndScreen G={G} onNewGame={onQuit} record={() => fetchMatchReplay(matchID)} />;
  const rows = seatRows(null, matchData as MatchDataSeat[] | undefined);
  return (
    <ProjectorView
      G={G}
      badge="Spectator · public view"
      paused={status.paused}
      onRules={onRules}
      onQuit={onQuit}
      presence={
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
        >
          {tableTalk && (
            <TableTalk matchID={matchID} messages={chatMessages} rows={rows} me={null} />
          )}
        </PresenceStrip>
      }
    />
  );
}
