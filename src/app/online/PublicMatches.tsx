import { useCallback, useEffect, useState } from 'react';
import { SCENARIOS } from '../../../game/engine';
import { lobby, problemText, type MatchInfo } from './lobby';
import { AppLink } from './OnlineHeader';

/** Open public matches with a free seat, newest first. */
export function PublicMatches() {
  const [matches, setMatches] = useState<MatchInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    lobby.listOpen().then(
      (list) => {
        setMatches([...list].sort((a, b) => b.createdAt - a.createdAt));
        setProblem(null);
      },
      (e: unknown) => setProblem(problemText(e)),
    );
  }, []);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, 10000);
    return () => window.clearInterval(timer);
  }, [load]);
  return (
    <section className="panel online-card public-card" aria-labelledby="public-title">
      <div className="card-head">
        <h2 id="public-title">Open public matches</h2>
        <button type="button" className="btn ghost" onClick={load}>
          Refresh
        </button>
      </div>
      {problem && <p className="form-problem">{problem}</p>}
      {matches === null && !problem && <p role="status">Looking for matches…</p>}
      {matches?.length === 0 && (
        <p className="muted">No public match is waiting for players right now.</p>
      )}
      {matches && matches.length > 0 && (
        <ul className="public-list">
          {matches.map((m) => {
            const free = m.seats.filter((s) => s.kind === 'open' && s.role !== 'facilitator');
            const name = SCENARIOS[m.scenario]?.name ?? m.scenario;
            return (
              <li key={m.matchID}>
                <span className="public-name">{name}</span>
                <span className="muted">
                  {free.length} free {free.length === 1 ? 'seat' : 'seats'}:{' '}
                  {free.map((s) => s.label).join(', ') || 'none'}
                </span>
                {m.joinCode && (
                  <AppLink to={`/join/${m.joinCode}`} className="btn">
                    Join
                    <span className="sr-only">
                      {' '}
                      {name} ({m.joinCode})
                    </span>
                  </AppLink>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
