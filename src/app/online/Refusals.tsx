import type { ReactNode } from 'react';
import { AppLink, OnlineHeader } from './OnlineHeader';

/** What a server refusal of a sync means to the person in front of the screen. */
export type RefusalKind = 'match-gone' | 'watch-refused' | 'seat-lost';

/** Refusals that mean the link itself leads nowhere, for a player and a spectator alike. */
const DEAD_LINK = new Set(['match not found', 'bad match id']);

export const refusalKind = (reason: string, seated: boolean): RefusalKind =>
  DEAD_LINK.has(reason) ? 'match-gone' : seated ? 'seat-lost' : 'watch-refused';

const said = (reason: string | null): string => (reason ? ` (the server said: ${reason})` : '');

/** A way on from a dead end: an in-app link, the first one the primary. */
export interface WayOn {
  to: string;
  label: string;
}

const JOIN: WayOn = { to: '/join', label: 'Join with a code' };
const START: WayOn = { to: '/', label: 'Start screen' };

/** A page that says why the match cannot be shown here, and where to go instead. */
function DeadEnd(props: { title: string; heading: string; ways: WayOn[]; children: ReactNode }) {
  return (
    <main className="online-page narrow">
      <OnlineHeader title={props.title} />
      <section className="panel online-card" role="alert">
        <h2>{props.heading}</h2>
        {props.children}
        <WaysOn ways={props.ways} />
      </section>
    </main>
  );
}

/** The links out of a notice, the first one the primary. */
export function WaysOn({ ways }: { ways: WayOn[] }) {
  return (
    <div className="form-actions">
      {ways.map((w, i) => (
        <AppLink key={w.to} to={w.to} className={i === 0 ? 'btn primary' : 'btn'}>
          {w.label}
        </AppLink>
      ))}
    </div>
  );
}

/** The link leads to no match: a typo, or a match the server no longer keeps. */
export function MatchGone({ matchID }: { matchID: string }) {
  return (
    <DeadEnd title="No such match" heading="This match is not on the server" ways={[JOIN, START]}>
      <p>
        The link may be mistyped, or the match was removed after it ended. Check the link (it ends
        in <code>{matchID}</code>), or ask the host for the join code.
      </p>
    </DeadEnd>
  );
}

/** The server would not let this browser watch, for a reason it gave. */
export function WatchRefused({ reason }: { reason: string | null }) {
  return (
    <DeadEnd
      title="You cannot watch this match"
      heading="The server did not let you in"
      ways={[JOIN, START]}
    >
      <p>The server refused to show you this match{said(reason)}. Try the link again later.</p>
    </DeadEnd>
  );
}

/** The server no longer seats this browser: the host gave the seat to a bot or someone else. */
export function SeatLost({ matchID, reason }: { matchID: string; reason: string | null }) {
  return (
    <DeadEnd
      title="Your seat has changed hands"
      heading="You no longer hold this seat"
      ways={[{ to: `/watch/${matchID}`, label: 'Watch the match' }, JOIN]}
    >
      <p>The host may have handed it to a bot or to another player{said(reason)}.</p>
    </DeadEnd>
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
