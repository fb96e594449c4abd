import { AppLink, OnlineHeader } from './OnlineHeader';

/** What a server refusal of a sync means to the person in front of the screen. */
export type RefusalKind = 'match-gone' | 'watch-refused' | 'seat-lost';

/** Refusals that mean the link itself leads nowhere, for a player and a spectator alike. */
const DEAD_LINK = new Set(['match not found', 'bad match id']);

export const refusalKind = (reason: string, seated: boolean): RefusalKind =>
  DEAD_LINK.has(reason) ? 'match-gone' : seated ? 'seat-lost' : 'watch-refused';

const said = (reason: string | null): string => (reason ? ` (the server said: ${reason})` : '');

/** The link leads to no match: a typo, or a match the server no longer keeps. */
export function MatchGone({ matchID }: { matchID: string }) {
  return (
    <main className="online-page narrow">
      <OnlineHeader title="No such match" />
      <section className="panel online-card" role="alert">
        <h2>This match is not on the server</h2>
        <p>
          The link may be mistyped, or the match was removed after it ended. Check the link (it ends
          in <code>{matchID}</code>), or ask the host for the join code.
        </p>
        <div className="form-actions">
          <AppLink to="/join" className="btn primary">
            Join with a code
          </AppLink>
          <AppLink to="/" className="btn">
            Start screen
          </AppLink>
        </div>
      </section>
    </main>
  );
}

/** The server would not let this browser watch, for a reason it gave. */
export function WatchRefused({ reason }: { reason: string | null }) {
  return (
    <main className="online-page narrow">
      <OnlineHeader title="You cannot watch this match" />
      <section className="panel online-card" role="alert">
        <h2>The server did not let you in</h2>
        <p>The server refused to show you this match{said(reason)}. Try the link again later.</p>
        <div className="form-actions">
          <AppLink to="/join" className="btn primary">
            Join with a code
          </AppLink>
          <AppLink to="/" className="btn">
            Start screen
          </AppLink>
        </div>
      </section>
    </main>
  );
}

/** The server no longer seats this browser: the host gave the seat to a bot or someone else. */
export function SeatLost({ matchID, reason }: { matchID: string; reason: string | null }) {
  return (
    <main className="online-page narrow">
      <OnlineHeader title="Your seat has changed hands" />
      <section className="panel online-card" role="alert">
        <h2>You no longer hold this seat</h2>
        <p>The host may have handed it to a bot or to another player{said(reason)}.</p>
        <div className="form-actions">
          <AppLink to={`/watch/${matchID}`} className="btn primary">
            Watch the match
          </AppLink>
          <AppLink to="/join" className="btn">
            Join with a code
          </AppLink>
        </div>
      </section>
    </main>
  );
}

/** The screen for a refused sync, in place of an endless "Connecting…". */
export function SyncRefused(props: { matchID: string; seated: boolean; reason: string }) {
  switch (refusalKind(props.reason, props.seated)) {
    case 'match-gone':
      return <MatchGone matchID={props.matchID} />;
    case 'watch-refused':
      return <WatchRefused reason={props.reason} />;
    case 'seat-lost':
      return <SeatLost matchID={props.matchID} reason={props.reason} />;
  }
}
