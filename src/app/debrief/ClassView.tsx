import { useEffect, useMemo, useState } from 'react';
import { Logo } from '../board/Logo';
import { sessionApi } from '../session/client';
import {
  CLASS_INDICATORS,
  indicatorGrid,
  readSessionExport,
  sessionCsv,
  tableOutcomes,
  winsByRole,
  type ClassIndicator,
  type SessionExportData,
} from './class';
import { download } from './files';
import './debrief.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ok'; data: SessionExportData; text: string }
  | { kind: 'refused'; error: string };

/** The session's id in /debrief/class/ID, if the address names one. */
export const classSessionOf = (path: string): string | null =>
  /^\/debrief\/class\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)?.[1] ?? null;

/**
 * The class debrief of a facilitator's session: every table's outcome side by side, how the
 * winners won, the indicators round by round across tables; the session as JSON and CSV.
 * Downloaded with the facilitator's token (kept by this browser's console).
 */
export function ClassView({ sessionID, onClose }: { sessionID: string; onClose(): void }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const token = sessionApi.facilitatorToken(sessionID);
    if (!token) {
      setLoaded({
        kind: 'refused',
        error:
          "Only the session's facilitator can open its class debrief: open it from the console in the browser that created the session.",
      });
      return;
    }
    // The talk comes too, so the session's JSON download is the whole record of the class.
    fetch(`/api/sessions/${encodeURIComponent(sessionID)}/export?messages=1`, {
      headers: { authorization: `Bearer ${token}` },
    })
      .then(async (res) => {
        const text = await res.text();
        if (!live) return;
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: the status says enough
        }
        if (!res.ok) {
          const why =
            (body as { error?: string } | null)?.error ?? `the server answered ${res.status}`;
          return setLoaded({ kind: 'refused', error: `Could not download the session: ${why}.` });
        }
        const r = readSessionExport(body);
        setLoaded(r.ok ? { kind: 'ok', data: r.data, text } : { kind: 'refused', error: r.error });
      })
      .catch(() => live && setLoaded({ kind: 'refused', error: 'Could not reach the server.' }));
    return () => {
      live = false;
    };
  }, [sessionID]);

  if (loaded.kind !== 'ok')
    return (
      <main className="start debrief-open" aria-labelledby="class-title">
        <header className="start-head">
          <Logo />
        </header>
        <section className="panel">
          <h1 id="class-title">Class debrief</h1>
          {loaded.kind === 'loading' ? (
            <p role="status">Downloading the session…</p>
          ) : (
            <p role="alert" className="refused" data-testid="class-refused">
              {loaded.error}
            </p>
          )}
          <button type="button" className="btn ghost" onClick={onClose}>
            Back
          </button>
        </section>
      </main>
    );
  return <ClassDebrief data={loaded.data} text={loaded.text} onClose={onClose} />;
}

export function ClassDebrief({
  data,
  text,
  onClose,
}: {
  data: SessionExportData;
  text: string;
  onClose(): void;
}) {
  const outcomes = useMemo(() => tableOutcomes(data), [data]);
  const wins = useMemo(() => winsByRole(outcomes), [outcomes]);
  const [indicator, setIndicator] = useState<ClassIndicator>('frontier');
  const grid = useMemo(() => indicatorGrid(data, indicator), [data, indicator]);
  const ended = outcomes.filter((t) => t.over).length;
  const roles = outcomes[0]?.seats ?? [];
  return (
    <main className="debrief class-debrief" aria-labelledby="class-title">
      <header className="debrief-head">
        <Logo />
        <h1 id="class-title">
          Class debrief: {data.tables.length} table{data.tables.length === 1 ? '' : 's'}
        </h1>
        <p className="debrief-sub">
          Session {data.code} · {data.scenario} · {ended} of {outcomes.length} ended
        </p>
        <div className="debrief-actions no-print">
          <button
            type="button"
            className="btn"
            onClick={() =>
              download(`chokepoint-session-${data.code}.json`, text, 'application/json')
            }
          >
            Download the session (JSON)
          </button>
          <button
            type="button"
            className="btn"
            onClick={() =>
              download(`chokepoint-session-${data.code}-rounds.csv`, sessionCsv(data), 'text/csv')
            }
          >
            Download rounds of every table (CSV)
          </button>
          <button type="button" className="btn" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="btn ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </header>

      <section className="panel" aria-labelledby="outcomes-title">
        <h2 id="outcomes-title">Every table&apos;s outcome</h2>
        {/* A table of many seats scrolls inside the page rather than widening it (a phone). */}
        <div
          className="table-wrap"
          role="region"
          aria-label="Outcomes, table by table"
          tabIndex={0}
        >
          <table data-testid="class-outcomes">
            <thead>
              <tr>
                <th scope="col">Table</th>
                {roles.map((s) => (
                  <th key={s.seat} scope="col">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="no-print">
                  Replay
                </th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((t) => (
                <tr key={t.table}>
                  <th scope="row">
                    Table {t.table + 1}
                    {!t.over && ` (round ${t.round} of ${t.rounds}, playing)`}
                  </th>
                  {t.seats.map((s) => (
                    <td key={s.seat} className={s.won ? 'won' : ''} title={s.why}>
                      {t.over ? (s.won ? '★ won' : 'did not win') : '…'}
                      <br />
                      <small>{s.who}</small>
                    </td>
                  ))}
                  <td className="no-print">
                    {t.over ? (
                      <a
                        href={`/debrief/${t.matchID}?session=${encodeURIComponent(data.sessionID)}`}
                      >
                        Open its debrief
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="how-title">
        <h2 id="how-title">How the winners won</h2>
        {ended === 0 ? (
          <p>No table has ended yet.</p>
        ) : (
          <ul data-testid="class-wins">
            {wins.map((w) => (
              <li key={`${w.role}/${w.label}`}>
                <strong>{w.label}</strong> won at {w.wins} of {w.ended} table
                {w.ended === 1 ? '' : 's'}
                {w.how.length > 0 && (
                  <ul>
                    {w.how.map((h) => (
                      <li key={h}>{h}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="rounds-title">
        <h2 id="rounds-title">Round by round, across tables</h2>
        <label className="no-print">
          Indicator{' '}
          <select
            value={indicator}
            onChange={(e) => setIndicator(e.target.value as ClassIndicator)}
            data-testid="class-indicator"
          >
            {Object.entries(CLASS_INDICATORS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <div
          className="table-wrap"
          role="region"
          aria-label="Indicators, round by round"
          tabIndex={0}
        >
          <table data-testid="class-rounds">
            <caption>{CLASS_INDICATORS[indicator]} at the end of each round</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                {data.tables.map((t) => (
                  <th key={t.table} scope="col">
                    Table {t.table + 1}
                  </th>
                ))}
                <th scope="col">Mean</th>
              </tr>
            </thead>
            <tbody>
              {grid.map((row) => (
                <tr key={row.round}>
                  <th scope="row">{row.round === 0 ? 'start' : row.round}</th>
                  {row.values.map((v, i) => (
                    <td key={i}>{v ?? '—'}</td>
                  ))}
                  <td>{row.mean ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
