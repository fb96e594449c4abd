import type { ComponentType } from 'react';
import type { BoardProps } from 'boardgame.io/react';
import { Client } from 'boardgame.io/react';
import { ChokepointGame } from '../../../game/bgio';
import type { GameState } from '../../../game/engine';
import { multiplayer } from './transport';

function Loading() {
  return (
    <main className="online-page" aria-busy="true">
      <p role="status">Connecting to the match…</p>
    </main>
  );
}

/** boardgame.io's React client on our socket transport, around a board or a spectator view. */
export function netClient<P extends BoardProps<GameState>>(board: ComponentType<P>) {
  return Client<GameState, P>({
    game: ChokepointGame,
    board,
    multiplayer,
    debug: false,
    loading: Loading,
  });
}
