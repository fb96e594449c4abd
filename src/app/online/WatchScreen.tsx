import { netClient } from './netClient';
import { Spectator, type WatchExtras } from './Spectator';
import { navigate } from './urls';

const WatchClient = netClient(Spectator);

/** /watch/ID: the public view, live (no seat, no credentials). */
export default function WatchScreen({ matchID, onRules }: { matchID: string; onRules(): void }) {
  const extras: WatchExtras = { onRules, onQuit: () => navigate('/'), tableTalk: true };
  return <WatchClient matchID={matchID} {...extras} />;
}
