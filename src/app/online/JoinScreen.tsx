import { useEffect, useState } from 'react';
import { SCENARIOS } from '../../../game/engine';
import { lobby, problemText, type MatchInfo } from './lobby';
import { AppLink, OnlineHeader } from './OnlineHeader';
import { JoinByCode } from './OnlineHome';
import { SeatPicker } from './SeatPicker';

/** /join/CODE: find the match behind the code, then pick a free seat and a name. */
export function JoinScreen({ code }: { code: string }) {
  const [info, setInfo] = useState<MatchInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!code) return;
    let live = true;
    lobby.byCode(code).then(
      (m) => live && setInfo(m),
      (e: unknown) => live && setProblem(problemText(e)),
    );
    return () => {
      live = false;
    };
  }, [code]);

  if (!code) {
    return (
      <main className="online-page narrow">
        <OnlineHeader title="Join a match" />
        <JoinByCode />
      </main>
    );
  }
  const held = info ? lobby.savedSeat(info.matchID) : null;
  const heldSeat = held && info?.seats.find((s) => s.id === held.playerID && s.kind === 'person');
  return (
    <main className="online-page narrow">
      <OnlineHeader title="Join a match">
        <p className="code-chip" aria-label={`Code ${code.split('').join(' ')}`}>
          {code}
        </p>
      </OnlineHeader>
      {problem && (
        <section className="panel online-card" role="alert">
          <h2>No match found</h2>
          <p>{problem}</p>
          <AppLink to="/join" className="btn">
            Try another code
          </AppLink>
        </section>
      )}
      {!info && !problem && <p role="status">Looking up the code…</p>}
      {info && (
        <>
          <section className="panel online-card" aria-labelledby="match-title">
            <h2 id="match-title">{SCENARIOS[info.scenario]?.name ?? info.scenario}</h2>
            <p className="muted">{SCENARIOS[info.scenario]?.briefing}</p>
            {info.paused && <p className="paused-note">The host has paused this match.</p>}
          </section>
          {heldSeat ? (
            <section className="panel online-card" aria-labelledby="held-title">
              <h2 id="held-title">You already hold a seat here</h2>
              <p>
                You are the <strong>{heldSeat.label}</strong> as <strong>{held.name}</strong>.
              </p>
              <AppLink to={`/play/${info.matchID}`} className="btn primary big">
                Continue playing
              </AppLink>
            </section>
          ) : (
            <SeatPicker info={info} code={code} />
          )}
          <p className="watch-instead">
            Or <AppLink to={`/watch/${info.matchID}`}>watch without playing</AppLink> (the public
            view only).
          </p>
        </>
      )}
    </main>
  );
}
