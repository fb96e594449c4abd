import { Client } from 'boardgame.io/react';
import { ChokepointGame } from '../../../game/bgio';
import type { GameState } from '../../../game/engine';
import { multiplayer } from './feed';
import { Spectator, type WatchExtras } from './Spectator';
import { navigate } from './routes';

function Loading() {
  return (
    <main className="online-page" aria-busy="true">
      <p role="status">Connecting to the match…</p>
    </main>
  );
}

const WatchClient = Client<GameState, Parameters<typeof Spectator>[0]>({
  game: ChokepointGame,
  board: Spectator,
  multiplayer,
  debug: false,
  loading: Loading,
});

/** /watch/ID: the public view, live (no seat, no credentials). */
export default function WatchScreen({ matchID, onRules }: { matchID: string; onRules(): void }) {
  const extras: WatchExtras = { onRules, onQuit: () => navigate('/') };
  return <WatchClient matchID={matchID} {...extras} />;
}
