import type { BoardProps as BgioProps } from 'boardgame.io/react';
import type { GameState, MoveArgs, SeatId } from '../../../game/engine';
import { activeSeat } from '../../../game/engine';
import { Board } from '../board/Board';
import { EndScreen } from '../end/EndScreen';
import { seatName } from '../selectors/format';
import { PresenceStrip } from './PresenceStrip';
import { SeatLost } from './SeatLost';
import { seatRows, type MatchDataSeat } from './seats';
import { useMatchStatus } from './useLiveMatch';
import { navigate } from './urls';

export interface NetExtras {
  onRules(): void;
  onQuit(): void;
  creator: boolean;
  myName: string;
}

/** The networked board: the same Board as local play, a presence strip, and the end screen. */
export function NetBoard(props: BgioProps<GameState> & NetExtras) {
  const { G, moves, playerID, matchID, matchData, isConnected, onRules, onQuit, creator } = props;
  const status = useMatchStatus(matchID);
  if (status.seatLost) return <SeatLost matchID={matchID} reason={status.refused} />;
  if (!G || playerID === null) return null;
  if (G.over) return <EndScreen G={G} onNewGame={() => navigate('/')} />;
  const rows = seatRows(null, matchData as MatchDataSeat[] | undefined);
  const active = activeSeat(G);
  const botActive = active !== null && rows.find((r) => r.id === active)?.kind === 'bot';
  const seat = playerID as SeatId;
  return (
    <div className="net-table">
      <PresenceStrip
        matchID={matchID}
        rows={rows}
        me={seat}
        online={isConnected}
        paused={status.paused}
        refused={status.refused}
        creator={creator}
        active={active}
      />
      <Board
        G={G}
        playerID={seat}
        sendMove={(name: string, args: MoveArgs) => {
          moves[name]?.(args);
        }}
        pass={() => {
          moves.pass?.();
        }}
        botTurn={botActive && active ? seatName(G, active) : null}
        onRules={onRules}
        onQuit={onQuit}
        quitWarning="Leave the table? Your seat is kept: come back with the join link or code."
      />
    </div>
  );
}
