import { createContext, useContext, useEffect, useState, type ComponentType } from 'react';
import type { BoardProps } from 'boardgame.io/react';
import { Client } from 'boardgame.io/react';
import { ChokepointGame } from '../../../game/bgio';
import type { GameState } from '../../../game/engine';
import { SyncRefused, WaysOn } from './Refusals';
import { isThrottled } from '../../protocol';
import { multiplayer, statusOf } from './transport';
import { useMatchStatus } from './useLiveMatch';

/** How long "Connecting…" waits before it says that something may be wrong. */
export const SLOW_CONNECT_MS = 8000;

/** The match the client below is connecting to, for its loading screen. */
export const ConnectingTo = createContext('');

/** Until the first sync: the page keeps trying, and after a while says what may be the matter. */
export function Loading() {
  const [slow, setSlow] = useState(false);
  const refused = useMatchStatus(useContext(ConnectingTo)).refused;
  const busy = refused !== null && isThrottled(refused);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_CONNECT_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main className="online-page narrow" aria-busy="true">
      <p role="status">
        {busy
          ? `The server is busy (${refused}): trying again in a few seconds…`
          : 'Connecting to the match…'}
      </p>
      {slow && !busy && (
        <section className="panel online-card" role="alert">
          <h2>This is taking longer than it should</h2>
          <p>
            The server may be unreachable, or this network may block it. The page keeps trying and
            opens the match as soon as the server answers.
          </p>
          <WaysOn ways={[{ to: '/', label: 'Start screen' }]} />
        </section>
      )}
    </main>
  );
}

const serialOf = (matchID: string): number => statusOf(matchID).syncRefusal?.serial ?? 0;

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
    const { matchID, playerID, credentials } = props;
    // A refusal recorded before this attempt began (this screen opened, or the seat it asks for
    // changed) is an older attempt's, not this one's.
    const attempt = `${matchID}|${playerID ?? ''}|${credentials ?? ''}`;
    const [since, setSince] = useState(() => ({ attempt, serial: serialOf(matchID) }));
    if (since.attempt !== attempt) setSince({ attempt, serial: serialOf(matchID) });
    const refusal = useMatchStatus(matchID).syncRefusal;
    if (refusal && since.attempt === attempt && refusal.serial > since.serial)
      return (
        <SyncRefused
          matchID={matchID}
          seated={typeof playerID === 'string'}
          reason={refusal.reason}
        />
      );
    return (
      <ConnectingTo.Provider value={matchID}>
        <Inner {...props} />
      </ConnectingTo.Provider>
    );
  };
}
