import { AppLink, OnlineHeader } from './OnlineHeader';

/** The server no longer seats this browser: the host gave the seat to a bot or someone else. */
export function SeatLost({ matchID, reason }: { matchID: string; reason: string | null }) {
  return (
    <main className="online-page narrow">
      <OnlineHeader title="Your seat has changed hands" />
      <section className="panel online-card" role="alert">
        <h2>You no longer hold this seat</h2>
        <p>
          The host may have handed it to a bot or to another player
          {reason ? ` (the server said: ${reason})` : ''}.
        </p>
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
