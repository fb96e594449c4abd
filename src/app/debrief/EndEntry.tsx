import type { ReplayFile } from '../../../game/replay';
import { navigate } from '../online/urls';
import { downloadReplay, keepForDebrief } from './files';

/** The end screen's way into the debrief of a match played on this screen, and its file. */
export function LocalDebriefEntry({ record, onLeave }: { record(): ReplayFile; onLeave(): void }) {
  return (
    <>
      <button
        type="button"
        className="btn primary"
        onClick={() => {
          keepForDebrief(record());
          navigate('/debrief');
          onLeave();
        }}
      >
        Replay and debrief
      </button>
      <button type="button" className="btn" onClick={() => downloadReplay(record())}>
        Download replay
      </button>
    </>
  );
}

/** The end screen's way into the debrief of an online match (downloaded from the server). */
export function OnlineDebriefEntry({ matchID }: { matchID: string }) {
  return (
    <>
      <a className="btn primary" href={`/debrief/${encodeURIComponent(matchID)}`}>
        Replay and debrief
      </a>
      <a className="btn" href={`/api/matches/${encodeURIComponent(matchID)}/replay`} download>
        Download replay
      </a>
      <a
        className="btn"
        href={`/api/matches/${encodeURIComponent(matchID)}/replay?messages=1`}
        download
      >
        Download replay with messages
      </a>
    </>
  );
}
