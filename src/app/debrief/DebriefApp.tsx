import { useEffect, useState } from 'react';
import {
  readReplay,
  type ReplayFile,
  type ReplayResult,
  type Replayed,
} from '../../../game/replay';
import { Logo } from '../board/Logo';
import type { MatchSetup } from '../selectors/table';
import { ClassView, classSessionOf } from './ClassView';
import { Debrief } from './Debrief';
import { keptForDebrief } from './files';
import { fetchMatchReplay } from './matchReplay';

type Loaded =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'ok'; file: ReplayFile; replay: Replayed }
  | { kind: 'refused'; error: string };

const loadedOf = (r: ReplayResult): Loaded =>
  r.ok ? { kind: 'ok', file: r.file, replay: r.replay } : { kind: 'refused', error: r.error };

const read = (text: string): Loaded => loadedOf(readReplay(text));

/** The online match's id in /debrief/ID, if the address names one. */
export const debriefMatchOf = (path: string): string | null =>
  /^\/debrief\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)?.[1] ?? null;

interface Props {
  path: string;
  onPlay(setup: MatchSetup): void;
  onClose(): void;
}

/**
 * /debrief: the match just played here (kept in this tab), or a replay file opened from disk;
 * /debrief/ID: an online match, downloaded from the server with its talk (once it is over, or by
 * its host or its class session's facilitator);
 * /debrief/class/ID: a facilitator's session, every table side by side.
 */
export default function DebriefApp(props: Props) {
  const sessionID = classSessionOf(props.path);
  if (sessionID) return <ClassView sessionID={sessionID} onClose={props.onClose} />;
  return <MatchDebrief {...props} />;
}

function MatchDebrief({ path, onPlay, onClose }: Props) {
  const matchID = debriefMatchOf(path);
  const [loaded, setLoaded] = useState<Loaded>(() => {
    if (matchID) return { kind: 'loading' };
    const kept = keptForDebrief();
    return kept ? read(kept) : { kind: 'empty' };
  });
  useEffect(() => {
    if (!matchID) return;
    let live = true;
    // From the class view (?session=ID) the session facilitator's file, whose talk also carries
    // the private messages between the table's seats.
    const session = new URLSearchParams(window.location.search).get('session');
    void fetchMatchReplay(matchID, { messages: true, session }).then(
      (r) => live && setLoaded(loadedOf(r)),
    );
    return () => {
      live = false;
    };
  }, [matchID]);

  if (loaded.kind === 'ok')
    return <Debrief file={loaded.file} replay={loaded.replay} onPlay={onPlay} onClose={onClose} />;
  return (
    <main className="start debrief-open" aria-labelledby="open-title">
      <header className="start-head">
        <Logo />
      </header>
      <section className="panel">
        <h1 id="open-title">Replay and debrief</h1>
        {loaded.kind === 'loading' && <p role="status">Downloading the match…</p>}
        {loaded.kind === 'refused' && (
          <p role="alert" className="refused" data-testid="replay-refused">
            {loaded.error}
          </p>
        )}
        <p>Open a replay file saved from a match&apos;s end screen.</p>
        <label className="btn">
          Open a replay file
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setLoaded({ kind: 'loading' });
              void f.text().then((text) => setLoaded(read(text)));
            }}
          />
        </label>{' '}
        <button type="button" className="btn ghost" onClick={onClose}>
          Back
        </button>
      </section>
    </main>
  );
}
