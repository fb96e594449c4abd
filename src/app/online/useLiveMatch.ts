import { useEffect, useState, useSyncExternalStore } from 'react';
import { Client } from 'boardgame.io/client';
import { ChokepointGame } from '../../../game/bgio';
import type { GameState } from '../../../game/engine';
import { multiplayer, statusOf, subscribeStatus, type MatchStatus } from './transport';
import type { MatchDataSeat } from './seats';

export interface LiveMatch {
  G: GameState | null;
  seats: MatchDataSeat[] | undefined;
  connected: boolean;
}

/** A spectator's socket on a match (no seat, public view): the host screen's live seats and round. */
export function useLiveMatch(matchID: string): LiveMatch {
  const [live, setLive] = useState<LiveMatch>({ G: null, seats: undefined, connected: false });
  useEffect(() => {
    const client = Client({ game: ChokepointGame, multiplayer, matchID, debug: false });
    const unsubscribe = client.subscribe((state) => {
      setLive({
        G: state ? (state.G as GameState) : null,
        seats: client.matchData as MatchDataSeat[] | undefined,
        connected: state?.isConnected ?? false,
      });
    });
    client.start();
    return () => {
      unsubscribe();
      client.stop();
    };
  }, [matchID]);
  return live;
}

/** The server's side-channel for one match: paused, over, the last refusal. */
export function useMatchStatus(matchID: string): MatchStatus {
  return useSyncExternalStore(subscribeStatus, () => statusOf(matchID));
}
