import { lobby } from './lobby';
import { netClient } from './netClient';
import { NetBoard, type NetExtras } from './NetBoard';
import { AppLink, OnlineHeader } from './OnlineHeader';
import { navigate } from './urls';

const NetClient = netClient(NetBoard);

/** /play/ID: this browser's seat in the match (credentials from localStorage), live. */
export default function PlayScreen({ matchID, onRules }: { matchID: string; onRules(): void }) {
  const saved = lobby.savedSeat(matchID);
  if (!saved) {
    return (
      <main className="online-page narrow">
        <OnlineHeader title="No seat here" />
        <section className="panel online-card" role="alert">
          <h2>This browser holds no seat in this match</h2>
          <p>Join with the code from the host screen, or follow the match as a spectator.</p>
          <div className="form-actions">
            <AppLink to="/join" className="btn primary">
              Join with a code
            </AppLink>
            <AppLink to={`/watch/${matchID}`} className="btn">
              Watch
            </AppLink>
          </div>
        </section>
      </main>
    );
  }
  const extras: NetExtras = {
    onRules,
    onQuit: () => navigate(lobby.isCreator(matchID) ? `/host/${matchID}` : '/'),
    creator: lobby.isCreator(matchID),
    myName: saved.name,
    tableTalk: true,
  };
  return (
    <NetClient
      matchID={matchID}
      playerID={saved.playerID}
      credentials={saved.credentials}
      {...extras}
    />
  );
}
