import type { BoardProps as BgioProps } from 'boardgame.io/react';
import { waitingFor, type ActionPayload, type GameState, type SeatId } from '../../../game/engine';
import { Board } from '../board/Board';
import { EndScreen } from '../end/EndScreen';
import { OnlineDebriefEntry } from '../debrief/EndEntry';
import { fetchMatchReplay } from '../debrief/matchReplay';
import { moveArgsOf } from '../match/localMatch';
import { PresenceStrip } from './PresenceStrip';
import { TableTalk } from './TableTalk';
import { sendChat } from './transport';
import { seatRows, type MatchDataSeat } from './seats';
import { useMatchStatus } from './useLiveMatch';
import { navigate } from './urls';

export interface NetExtras {
  onRules(): void;
  onQuit(): void;
  creator: boolean;
  myName: string;
  /** Show the match's chat (a class session has its own talk instead). */
  tableTalk?: boolean;
}

/** The networked board: the same Board as local play, a presence strip, and the end screen. */
export function NetBoard(props: BgioProps<GameState> & NetExtras) {
  const { G, moves, playerID, matchID, matchData, isConnected, onRules, onQuit, creator } = props;
  const { chatMessages, tableTalk = false } = props;
  const status = useMatchStatus(matchID);
  if (!G || playerID === null) return null;
  if (G.over)
    return (
      <EndScreen
        G={G}
        onNewGame={() => navigate('/')}
        record={() => fetchMatchReplay(matchID)}
        debrief={<OnlineDebriefEntry matchID={matchID} />}
      />
    );
  const rows = seatRows(null, matchData as MatchDataSeat[] | undefined);
  const seat = playerID as SeatId;
  return (
    <div className="net-table">
      <PresenceStrip
        matchID={matchID}
        rows={rows}
        me={seat}
        online={isConnected}
        paused={status.paused}
        fixedSeed={status.fixedSeed}
        refused={status.refused}
        creator={creator}
        planning={waitingFor(G)}
      >
        {tableTalk && (
          <TableTalk
            matchID={matchID}
            messages={chatMessages}
            rows={rows}
            me={seat}
            send={(text) => sendChat(matchID, text).then((r) => (r.ok ? null : r.error))}
          />
        )}
      </PresenceStrip>
      <Board
        G={G}
        playerID={seat}
        act={(payload: ActionPayload) => {
          // Every action runs on the server (the moves are client:false); a refusal comes back on the status channel.
          moves[payload.action]?.(moveArgsOf(payload));
        }}
        onRules={onRules}
        onQuit={onQuit}
        quitWarning="Leave the table? Your seat is kept: come back with the join link or code."
      />
    </div>
  );
}
