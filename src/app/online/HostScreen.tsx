import { useCallback, useEffect, useState } from 'react';
import { SCENARIOS } from '../../../game/engine';
import { hostCard, lobby, problemText, type MatchInfo } from './lobby';
import { LobbyError } from './lobby-client';
import { MatchGone } from './Refusals';
import { AppLink, OnlineHeader } from './OnlineHeader';
import { QrPanel } from './QrPanel';
import { HostSeats } from './HostSeats';
import { SeatPicker } from './SeatPicker';
import { seatRows } from './seats';
import { useLiveMatch, useMatchStatus } from './useLiveMatch';
import { LiveLine } from './LiveLine';

/** The creator's screen for the room: code and QR, seats and presence, pause and seat controls. */
export function HostScreen({ matchID }: { matchID: string }) {
  const [info, setInfo] = useState<MatchInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [gone, setGone] = useState(false);
  const live = useLiveMatch(matchID);
  const status = useMatchStatus(matchID);
  const creator = lobby.isCreator(matchID);
  const refresh = useCallback(() => {
    lobby.get(matchID).then(setInfo, (e: unknown) => {
      if (e instanceof LobbyError && e.status === 404) setGone(true);
      else setProblem(problemText(e));
    });
  }, [matchID]);
  useEffect(refresh, [refresh, live.seats]);

  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    run()
      .then(
        () => {
          setProblem(null);
          refresh();
        },
        (e: unknown) => setProblem(problemText(e)),
      )
      .finally(() => setBusy(false));
  };
  const rows = seatRows(info, live.seats);
  const paused = live.seats ? status.paused : (info?.paused ?? false);
  const held = lobby.savedSeat(matchID);
  const heldRow = held
    ? rows.find((r) => r.id === held.playerID && r.kind === 'person')
    : undefined;
  const name = info ? (SCENARIOS[info.scenario]?.name ?? info.scenario) : 'Match';

  if (gone) return <MatchGone matchID={matchID} />;
  if (!creator) {
    return (
      <main className="online-page narrow">
        <OnlineHeader title="Host screen" />
        <section className="panel online-card" role="alert">
          <h2>Only the match&apos;s creator can host it</h2>
          <p>This browser did not create this match.</p>
          <AppLink to={`/watch/${matchID}`} className="btn">
            Watch it instead
          </AppLink>
        </section>
      </main>
    );
  }
  return (
    <main className="online-page host-page">
      <OnlineHeader title={`Host: ${name}`}>
        <LiveLine G={live.G} paused={paused} over={status.over} />
      </OnlineHeader>
      <div className="host-grid">
        <QrPanel card={hostCard(matchID)} matchID={matchID} />
        <div className="host-side">
          <section className="panel" aria-labelledby="seats-title">
            <div className="card-head">
              <h2 id="seats-title">Seats</h2>
              <button
                type="button"
                className={`btn ${paused ? 'primary' : ''}`}
                disabled={busy}
                onClick={() => act(() => (paused ? lobby.resume(matchID) : lobby.pause(matchID)))}
              >
                {paused ? 'Resume the match' : 'Pause the match'}
              </button>
            </div>
            <HostSeats
              rows={rows}
              busy={busy}
              actions={{
                toBot: (seat) => act(() => lobby.setSeat(matchID, seat, 'bot', 'heuristic')),
                toOpen: (seat) => act(() => lobby.setSeat(matchID, seat, 'open')),
              }}
            />
            <p className="form-problem" role="status">
              {problem}
            </p>
          </section>
          {heldRow ? (
            <section className="panel online-card" aria-labelledby="you-title">
              <h2 id="you-title">Your seat</h2>
              <p>
                You play the <strong>{heldRow.label}</strong> as <strong>{held?.name}</strong>.
              </p>
              <div className="form-actions">
                <AppLink to={`/play/${matchID}`} className="btn primary big">
                  Continue playing
                </AppLink>
                <AppLink to={`/watch/${matchID}`} className="btn">
                  Watch the public view
                </AppLink>
              </div>
            </section>
          ) : (
            info && (
              <section className="host-play" aria-labelledby="play-yourself">
                <h2 id="play-yourself">Play in a seat yourself</h2>
                <SeatPicker info={info} code={hostCard(matchID)?.joinCode ?? info.joinCode ?? ''} />
                <AppLink to={`/watch/${matchID}`} className="btn">
                  Watch the public view
                </AppLink>
              </section>
            )
          )}
        </div>
      </div>
    </main>
  );
}
