import { useState, type ComponentType } from 'react';
import type { BoardProps } from 'boardgame.io/react';
import { Client } from 'boardgame.io/react';
import { ChokepointGame } from '../../../game/bgio';
import type { GameState } from '../../../game/engine';
import { SyncRefused } from './SeatLost';
import { multiplayer, statusOf } from './transport';
import { useMatchStatus } from './useLiveMatch';

function Loading() {
  return (
    <main className="online-page" aria-busy="true">
      <p role="status">Connecting to the match…</p>
    </main>
  );
}

/** The props the outer component takes: boardgame.io's client props plus the board's own. */
type NetClientProps<P> = Omit<P, keyof BoardProps<GameState>> & {
  matchID: string;
  playerID?: string | null;
  credentials?: string;
};

/**
 * boardgame.io's React client on our socket transport, around a board or a spectator view.
 *
 * boardgame.io shows its loading screen until the first sync arrives, and a refused sync never
 * arrives: when the server refuses this client (no such match, the seat changed hands), the
 * client is taken down and the refusal is shown instead.
 */
export function netClient<P extends BoardProps<GameState>>(board: ComponentType<P>) {
  const Inner = Client<GameState, P>({
    game: ChokepointGame,
    board,
    multiplayer,
    debug: false,
    loading: Loading,
  }) as unknown as ComponentType<NetClientProps<P>>;
  return function NetClient(props: NetClientProps<P>) {
    const { matchID, playerID } = props;
    // A refusal recorded before this screen opened is an older attempt's, not this one's.
    const [since] = useState(() => statusOf(matchID).syncRefusal?.serial ?? 0);
    const refusal = useMatchStatus(matchID).syncRefusal;
    if (refusal && refusal.serial > since)
      return (
        <SyncRefused
          matchID={matchID}
          seated={typeof playerID === 'string'}
          reason={refusal.reason}
        />
      );
    return <Inner {...props} />;
  };
}
