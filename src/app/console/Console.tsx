import { useEffect, useState } from 'react';
import { SCENARIOS } from '../../../game/engine';
import type { ConsoleCommand, ConsoleSnapshot } from '../../protocol';
import { OnlineHeader } from '../online/OnlineHeader';
import { sessionApi, useSessionFeed, useTick } from '../session/client';
import { TalkPanel, type Recipient } from '../session/TalkPanel';
import { InjectPanel } from './InjectPanel';
import { TableCard } from './TableCard';
import { TableDetail } from './TableDetail';

function useQr(url: string | undefined): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    import('qrcode')
      .then((m) => m.default.toString(url, { type: 'svg', margin: 1 }))
      .then(
        (t) => live && setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(t)}`),
        () => live && setSvg(null),
      );
    return () => {
      live = false;
    };
  }, [url]);
  return svg;
}

/** /console/ID: the facilitator's one screen over every table of the session. */
export function Console({ sessionID }: { sessionID: string }) {
  const token = sessionApi.facilitatorToken(sessionID);
  const feed = useSessionFeed(sessionID, token);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [seconds, setSeconds] = useState('120');
  useTick();
  const c = feed.console;
  const card = sessionApi.facilitatorCard(sessionID);
  const joinUrl = card?.joinUrl ?? (c ? `${window.location.origin}/class/${c.code}` : undefined);
  const qr = useQr(joinUrl);
  if (!token)
    return (
      <main className="online-page narrow">
        <OnlineHeader title="Session console" />
        <section className="panel online-card" role="alert">
          <h2>This browser does not run this session</h2>
          <p>Only the browser that created the session holds its facilitator token.</p>
        </section>
      </main>
    );
  const run = (cmd: ConsoleCommand) => {
    setProblem(null);
    sessionApi
      .command(sessionID, token, cmd)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  };
  return (
    <main className="online-page console">
      <OnlineHeader
        title={
          !c
            ? 'Session console'
            : c.tables.some((t) => t.scenario !== c.scenario)
              ? 'Session · a scenario per table'
              : `Session · ${SCENARIOS[c.scenario]?.name ?? c.scenario}`
        }
      >
        {!feed.connected && <span className="problem">Reconnecting…</span>}
      </OnlineHeader>
      {feed.error && (
        <p className="problem" role="alert">
          {feed.error}
        </p>
      )}
      {problem && (
        <p className="problem" role="alert" data-testid="console-problem">
          {problem[0]?.toUpperCase() + problem.slice(1)}.
        </p>
      )}
      {!c && <p role="status">Connecting…</p>}
      {c && (
        <>
          <section className="panel console-join" aria-labelledby="code-title">
            <h2 id="code-title">Students join with</h2>
            <p
              className="big-code"
              data-testid="session-code"
              aria-label={`Session code: ${c.code.split('').join(' ')}`}
            >
              {c.code}
            </p>
            {qr && <img className="qr" src={qr} alt={`QR code that opens ${joinUrl}`} />}
            {joinUrl && (
              <p>
                <a href={joinUrl}>{joinUrl}</a>
              </p>
            )}
            <p className="muted">
              {c.roster.length} joined · {c.status === 'lobby' ? 'not started' : c.status} ·
              defaults: {c.defaults === 'bot' ? "the seat's bot" : 'hold'}
              {c.roundSeconds ? ` · ${c.roundSeconds} s rounds` : ''}
            </p>
            {c.status !== 'lobby' && (
              <p>
                <a href={`/debrief/class/${c.sessionID}`}>
                  Class debrief: every table side by side
                </a>
              </p>
            )}
          </section>
          {c.status === 'lobby' ? (
            <Lobby c={c} run={run} />
          ) : (
            <>
              <div className="panel all-controls" role="group" aria-label="Every table">
                <strong>Every table:</strong>
                <button type="button" className="btn small" onClick={() => run({ kind: 'pause' })}>
                  Pause all
                </button>
                <button type="button" className="btn small" onClick={() => run({ kind: 'resume' })}>
                  Resume all
                </button>
                <label className="inline">
                  <span className="sr-only">Timer seconds for every table</span>
                  <input
                    type="number"
                    className="secs"
                    min={10}
                    max={86400}
                    value={seconds}
                    onChange={(e) => setSeconds(e.target.value)}
                  />
                </label>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => run({ kind: 'timer', seconds: Number(seconds) })}
                >
                  Set timers
                </button>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => run({ kind: 'extend', seconds: 60 })}
                >
                  +1 min all
                </button>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => run({ kind: 'endRound' })}
                >
                  End round everywhere
                </button>
                <button
                  type="button"
                  className="btn small danger"
                  onClick={() =>
                    window.confirm('End every match now?') && run({ kind: 'endMatch' })
                  }
                >
                  End all matches
                </button>
              </div>
              <div className="table-grid">
                {c.tables.map((t) => (
                  <TableCard
                    key={t.table}
                    t={t}
                    skew={feed.skew}
                    run={run}
                    {...(t.scenario !== c.scenario
                      ? { scenarioName: SCENARIOS[t.scenario]?.name ?? t.scenario }
                      : {})}
                    onOpen={() => setOpen(t.table)}
                  />
                ))}
              </div>
              <Roster c={c} run={run} />
              <div className="console-side">
                <InjectPanel
                  sessionID={sessionID}
                  token={token}
                  scenarios={c.tables.map((t) => t.scenario)}
                />
                <TalkPanel
                  talk={feed.talk}
                  recipients={recipients(c)}
                  seatName={(table, seat) =>
                    c.tables[table]?.seats.find((s) => s.id === seat)?.label ?? seat
                  }
                  onSay={(text, to) => feed.say({ text, to })}
                />
              </div>
            </>
          )}
          {open !== null && (
            <TableDetail
              sessionID={sessionID}
              token={token}
              table={open}
              version={c.tables[open]?.figures}
              onClose={() => setOpen(null)}
            />
          )}
        </>
      )}
    </main>
  );
}

function recipients(c: ConsoleSnapshot): Recipient[] {
  return [
    { value: { kind: 'broadcast' }, label: 'Every table' },
    ...c.tables.flatMap((t) => [
      { value: { kind: 'table', table: t.table }, label: `Table ${t.table + 1}` },
      ...t.seats.map((s) => ({
        value: { kind: 'seat', table: t.table, seat: s.id },
        label: `Table ${t.table + 1} · ${s.label}`,
      })),
    ]),
  ];
}

/** Where each student sits: a select per student (table and seat, or observer). */
function Roster({ c, run }: { c: ConsoleSnapshot; run(cmd: ConsoleCommand): void }) {
  const places = c.tables.flatMap((t) => [
    ...t.seats.map((s) => ({
      value: `${t.table}:${s.id}`,
      label: `Table ${t.table + 1} · ${s.label}`,
    })),
    ...(c.policy.observers
      ? [{ value: `${t.table}:obs`, label: `Table ${t.table + 1} · observer` }]
      : []),
  ]);
  return (
    <section className="panel roster" aria-labelledby="roster-title">
      <h2 id="roster-title">Roster</h2>
      {c.roster.length === 0 && <p className="muted">Nobody has joined yet.</p>}
      <ul>
        {c.roster.map((r) => {
          const a = r.assignment;
          const value = a ? `${a.table}:${a.seat ?? 'obs'}` : '';
          return (
            <li key={r.studentID}>
              <span
                className={`dot ${r.online ? 'on' : ''}`}
                role="img"
                aria-label={r.online ? 'online' : 'offline'}
              />
              <label>
                {r.name}{' '}
                <select
                  value={value}
                  aria-label={`Place of ${r.name}`}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (!v) return run({ kind: 'unassign', studentID: r.studentID });
                    const [table, seat] = v.split(':');
                    run({
                      kind: 'assign',
                      studentID: r.studentID,
                      table: Number(table),
                      seat: seat === 'obs' ? null : (seat ?? null),
                    });
                  }}
                >
                  <option value="">Not seated</option>
                  {places.map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Lobby({ c, run }: { c: ConsoleSnapshot; run(cmd: ConsoleCommand): void }) {
  return (
    <>
      <div className="panel all-controls" role="group" aria-label="Seating">
        <button
          type="button"
          className="btn"
          onClick={() => run({ kind: 'autoAssign' })}
          disabled={c.roster.length === 0}
        >
          Seat everyone automatically
        </button>
        <button type="button" className="btn primary" onClick={() => run({ kind: 'start' })}>
          Start every table
        </button>
        <span className="muted">
          {c.tables.length} table{c.tables.length === 1 ? '' : 's'}; empty seats go to bots.
        </span>
      </div>
      <Roster c={c} run={run} />
    </>
  );
}
