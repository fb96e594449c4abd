import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  MOVE_BY_NAME,
  cardIn,
  type GameState,
  type SealedPlan,
  type SeatId,
} from '../../../game/engine';
import { labeler, orderArgsText } from '../selectors/moves';
import { USE_TEXT } from '../selectors/news';
import {
  chronicle,
  fillPrompts,
  atText,
  hiddenOperations,
  resultLines,
  thingLives,
  roundSummaries,
  talkAt,
  type ReplayFile,
  type Replayed,
} from '../../../game/replay';
import { MapView } from '../board/MapView';
import { RolePanel } from '../board/RolePanel';
import { Logo } from '../board/Logo';
import { dashboard } from '../selectors/dashboard';
import { roundRecap } from '../selectors/recap';
import { whenOf } from '../selectors/format';
import type { MatchSetup } from '../selectors/table';
import { download, downloadReplay, roundsCsv } from './files';
import { stateAt, stopLabel, stopsOf, viewOf, type Viewer } from './stops';
import { WhatIf } from './WhatIf';
import './debrief.css';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));

interface Props {
  file: ReplayFile;
  replay: Replayed;
  onPlay(setup: MatchSetup): void;
  onClose(): void;
}

const viewerKey = (v: Viewer): string => (v.kind === 'seat' ? `seat:${v.seat}` : v.kind);

/**
 * The debrief of one match: its result, a replay to step through round by round and step by
 * step from any seat's point of view (or everything, once it has ended), the timeline of the
 * hidden game, "what if" forks and estimates, the charts, and the scenario's discussion
 * prompts. Prints as a handout.
 */
export function Debrief({ file, replay, onPlay, onClose }: Props) {
  const last = replay.states[replay.states.length - 1];
  const over = last.over;
  const [viewer, setViewer] = useState<Viewer>(over ? { kind: 'all' } : { kind: 'public' });
  const stops = useMemo(() => stopsOf(replay, viewer), [replay, viewer]);
  const [at, setAt] = useState(0);
  const index = Math.min(at, stops.length - 1);
  const stop = stops[index];
  const state = useMemo(() => stateAt(replay, stop), [replay, stop]);
  const G = useMemo(() => viewOf(state, viewer), [state, viewer]);
  const seat = viewer.kind === 'seat' ? viewer.seat : null;
  // The plans sealed in this round, as the viewer may see them (read from the round's end).
  const sealedNow = useMemo(
    () =>
      viewOf(stateAt(replay, { round: stop.round, step: 99 }), viewer).opened.filter(
        (p) => p.round === stop.round,
      ),
    [replay, stop.round, viewer],
  );
  const recap = useMemo(
    () => (stop.step > 0 ? roundRecap(G, viewer.kind === 'all' ? null : seat, stop.round) : null),
    [G, seat, stop, viewer.kind],
  );
  // Everything revealed: every seat's lines, not just the public ones.
  const allLines = useMemo(
    () =>
      viewer.kind === 'all' && stop.step > 0
        ? G.log.filter((e) => e.round === stop.round && e.step > 0)
        : null,
    [G, stop, viewer.kind],
  );
  const rounds = useMemo(() => roundSummaries(replay), [replay]);
  const talk = useMemo(() => talkAt(file, stop.round), [file, stop.round]);
  const whole = useMemo(() => chronicle(replay), [replay]);
  const ops = useMemo(() => (over ? hiddenOperations(whole) : []), [whole, over]);
  const lives = useMemo(() => (over ? thingLives(replay) : []), [replay, over]);
  const prompts = useMemo(
    () => (over ? fillPrompts(replay.scenario.prompts, whole) : []),
    [replay, whole, over],
  );
  const go = useCallback(
    (to: number) => setAt(Math.max(0, Math.min(stops.length - 1, to))),
    [stops.length],
  );
  const roundJump = useCallback(
    (dir: 1 | -1) => {
      const target = stop.round + dir;
      const i = stops.findIndex((s) => s.round === target);
      if (i >= 0) go(i);
    },
    [stop.round, stops, go],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
      if (e.key === 'ArrowRight') go(index + 1);
      else if (e.key === 'ArrowLeft') go(index - 1);
      else if (e.key === 'PageDown' || e.key === 'ArrowDown') roundJump(1);
      else if (e.key === 'PageUp' || e.key === 'ArrowUp') roundJump(-1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(stops.length - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, roundJump, stops.length]);
  const touch = useRef<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const title = over
    ? `Debrief: ${last.outcome?.winners.length ? `${last.outcome.winners.map((w) => last.seats[Number(w)]?.name).join(', ')} won` : 'nobody won'}`
    : `Replay: stopped in round ${last.round} of ${last.rounds}`;

  return (
    <main className="debrief" aria-labelledby="debrief-title">
      <header className="debrief-head">
        <Logo />
        <h1 id="debrief-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p className="debrief-sub">
          {replay.scenario.name} · seed “{file.seed}” · rules {file.rules.version}
          {file.fork && ` · a fork of ${file.fork.parent} from round ${file.fork.round}`}
        </p>
        <div className="debrief-actions no-print">
          <button type="button" className="btn" onClick={() => downloadReplay(file)}>
            Download replay (JSON)
          </button>
          {file.messages && file.messages.length > 0 && (
            <button type="button" className="btn" onClick={() => downloadReplay(file, true)}>
              Download replay with messages (JSON)
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() =>
              download(`chokepoint-${file.id}-rounds.csv`, roundsCsv(rounds), 'text/csv')
            }
          >
            Download rounds (CSV)
          </button>
          <button type="button" className="btn" onClick={() => window.print()}>
            Print the debrief
          </button>
          <button type="button" className="btn ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </header>

      <section className="panel debrief-summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <ul data-testid="debrief-result">
          {last.outcome
            ? last.seats
                .filter((x) => x.role !== 'facilitator')
                .map((x) => {
                  const won = last.outcome!.winners.includes(x.id);
                  return (
                    <li key={x.id} className={won ? 'won' : 'lost'}>
                      <strong>{x.name}</strong> {won ? '★ won' : 'did not win'}
                      {last.outcome!.reasons[x.id] && ` — ${last.outcome!.reasons[x.id]}`}
                    </li>
                  );
                })
            : resultLines(replay).map((l) => <li key={l}>{l}</li>)}
        </ul>
      </section>

      <section className="panel replay no-print" aria-labelledby="replay-title">
        <h2 id="replay-title">Replay</h2>
        <div className="replay-controls">
          <label>
            Seen as{' '}
            <select
              value={viewerKey(viewer)}
              onChange={(e) => {
                const v = e.target.value;
                setViewer(
                  v === 'all'
                    ? { kind: 'all' }
                    : v === 'public'
                      ? { kind: 'public' }
                      : { kind: 'seat', seat: v.slice(5) as SeatId },
                );
                setAt(0);
              }}
            >
              {over && <option value="all">everything (revealed)</option>}
              <option value="public">the public</option>
              {last.seats.map((s) => (
                <option key={s.id} value={`seat:${s.id}`}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <div className="stepper" role="group" aria-label="Step through the match">
            <button
              type="button"
              className="btn"
              onClick={() => roundJump(-1)}
              aria-label="Previous round"
            >
              « Round
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => go(index - 1)}
              aria-label="Previous step"
            >
              ◀
            </button>
            <span className="stop-label" aria-live="polite" data-testid="stop-label">
              {stopLabel(stop)} · {whenOf(last, stop.round)}
            </span>
            <button
              type="button"
              className="btn"
              onClick={() => go(index + 1)}
              aria-label="Next step"
            >
              ▶
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => roundJump(1)}
              aria-label="Next round"
            >
              Round »
            </button>
          </div>
          <input
            type="range"
            min={0}
            max={stops.length - 1}
            value={index}
            aria-label="Position in the match"
            aria-valuetext={stopLabel(stop)}
            onChange={(e) => go(Number(e.target.value))}
          />
          <p className="hint">
            Arrow keys step; Page Up and Page Down (or ↑ ↓) jump a round; swipe the map on a phone.
          </p>
        </div>
        <div className="replay-body">
          <div
            className="replay-map"
            onTouchStart={(e) => (touch.current = e.touches[0]?.clientX ?? null)}
            onTouchEnd={(e) => {
              const x0 = touch.current;
              const x1 = e.changedTouches[0]?.clientX;
              touch.current = null;
              if (x0 === null || x1 === undefined || Math.abs(x1 - x0) < 40) return;
              go(index + (x1 < x0 ? 1 : -1));
            }}
          >
            <MapView G={G} seat={seat} />
          </div>
          <aside className="replay-side" aria-label="At this step">
            {seat !== null && <RolePanel d={dashboard(G, seat)} />}
            <section className="panel replay-recap" aria-labelledby="step-title">
              <h3 id="step-title">
                {stop.step === 0
                  ? `Round ${stop.round} opens`
                  : `Round ${stop.round}, step by step`}
              </h3>
              {stop.step === 0 ? (
                <PlansAt G={G} plans={sealedNow} />
              ) : allLines ? (
                <ol data-testid="step-lines">
                  {allLines.map((e, i) => (
                    <li key={i} className={e.step === stop.step ? 'now' : ''}>
                      {e.to !== 'public' && (
                        <span className="secret-tag">[{last.seats[Number(e.to)]?.name}] </span>
                      )}
                      {e.text}
                    </li>
                  ))}
                </ol>
              ) : (
                <ol data-testid="step-lines">
                  {recap?.steps.flatMap((s) =>
                    s.lines.map((l) => (
                      <li key={l.key} className={s.step === stop.step ? 'now' : ''}>
                        {l.text}
                      </li>
                    )),
                  )}
                </ol>
              )}
            </section>
            {talk.length > 0 && (
              <section className="panel replay-talk" aria-labelledby="talk-title">
                <h3 id="talk-title">Said at the table in round {stop.round}</h3>
                <ol data-testid="round-talk">
                  {talk.map((m, i) => (
                    <li key={i}>
                      <strong>
                        {m.who}
                        {m.to !== null && ` (to ${m.to} only)`}:
                      </strong>{' '}
                      {m.text}
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </aside>
        </div>
      </section>

      <section className="panel timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">The hidden game, operation by operation</h2>
        {!over ? (
          <p>The firms&apos; secret orders are revealed when the match ends.</p>
        ) : ops.length === 0 ? (
          <p>The firms made no secret moves.</p>
        ) : (
          <table data-testid="timeline">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Operation</th>
                <th scope="col">Public signals</th>
                <th scope="col">Checks and responses</th>
                <th scope="col">How it ended</th>
              </tr>
            </thead>
            <tbody>
              {ops.map((o) => (
                <tr key={o.key} className={o.seen ? 'seen' : ''}>
                  <td>{o.round}</td>
                  <td>
                    <strong>{o.firm}:</strong> {o.what}
                  </td>
                  <td>{o.signals.map((s) => `R${s.round}: ${s.text}`).join(' ') || '—'}</td>
                  <td>{o.responses.map((s) => `R${s.round}: ${s.text}`).join('; ') || '—'}</td>
                  <td>{o.ending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {lives.length > 0 && (
        <section className="panel timeline" aria-labelledby="lives-title">
          <h2 id="lives-title">Each secret thing, step by step</h2>
          <p className="hint">
            Followed by its own id through every resolution step: the step that made it, the step
            that exposed or ended it, and what the engine published and resolved in that step, at
            that place.
          </p>
          <table data-testid="thing-lives">
            <thead>
              <tr>
                <th scope="col">Secret thing</th>
                <th scope="col">Made</th>
                <th scope="col">Exposed or ended</th>
                <th scope="col">Signals then</th>
                <th scope="col">Checks and responses then</th>
              </tr>
            </thead>
            <tbody>
              {lives.map((l) => (
                <tr key={l.key} className={l.exposed ? 'seen' : ''}>
                  <td>
                    <strong>{l.firm}:</strong> {l.what} <small>({l.id})</small>
                  </td>
                  <td>
                    {l.made ? atText(l.made) : 'before the start'}
                    {l.madeBy.length > 0 && ` — ${l.madeBy.join('; ')}`}
                  </td>
                  <td>
                    {l.exposed
                      ? `exposed: ${atText(l.exposed)}`
                      : l.ended
                        ? `ended: ${atText(l.ended)}`
                        : 'never exposed'}
                    {l.exposed && l.ended && ` · ended: ${atText(l.ended)}`}
                  </td>
                  <td>{l.signals.map((x) => x.text).join(' ') || '—'}</td>
                  <td>
                    {l.responses.map((x) => x.text).join('; ') || '—'}
                    {l.ambiguous && ' (several of its kind changed there in that step)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <div className="no-print">
        <WhatIf file={file} replay={replay} onPlay={onPlay} />
      </div>

      <Suspense fallback={<p role="status">Loading charts…</p>}>
        <ChartsPanel G={{ ...last, secret: null }} title="The whole game, round by round" />
      </Suspense>

      {prompts.length > 0 && (
        <section className="panel prompts" aria-labelledby="prompts-title">
          <h2 id="prompts-title">For discussion</h2>
          <ol data-testid="prompts">
            {prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}

/** At a round's opening: each seat's seal and, where the viewer may see them, the orders it sealed. */
function PlansAt({ G, plans }: { G: GameState; plans: SealedPlan[] }) {
  const label = labeler(G);
  if (plans.length === 0) return <p>No plans sealed yet.</p>;
  return (
    <ul data-testid="step-lines">
      {plans.map((p) => (
        <li key={p.seat}>
          <strong>{G.seats[Number(p.seat)]?.name}</strong>{' '}
          {p.orders === null
            ? `sealed its plan (${p.seal.slice(0, 12)}…)`
            : p.orders.length
              ? p.orders
                  .map((o) => {
                    const args = orderArgsText(o.args, label);
                    return `${MOVE_BY_NAME[o.move]?.label ?? o.move}${args ? ` (${args})` : ''}`;
                  })
                  .join('; ')
              : 'gave no orders'}
          {p.card &&
            ` · card “${cardIn(G, p.card.card)?.title ?? p.card.card}” ${USE_TEXT[p.card.use]}`}
        </li>
      ))}
    </ul>
  );
}
