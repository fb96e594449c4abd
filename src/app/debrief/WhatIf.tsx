import { useId, useState } from 'react';
import type { BotLevel } from '../../protocol';
import { forkableRounds, positionAt, startFork, turningPoints } from '../../../game/replay';
import type { ReplayFile, Replayed } from '../../../game/replay';
import type { MatchSetup, SeatSetup } from '../selectors/table';
import { useChances, type ChancesRun } from './useChances';

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

interface Props {
  file: ReplayFile;
  replay: Replayed;
  onPlay(setup: MatchSetup): void;
}

/**
 * "What if": start a new match from any round of this one (seats as people or bots, the same
 * dice or new ones), or estimate without playing each role's chance from there by bot
 * continuations in a worker; and find the turning points, where those chances moved most.
 */
export function WhatIf({ file, replay, onPlay }: Props) {
  const rounds = forkableRounds(replay);
  const id = useId();
  const [round, setRound] = useState(rounds[Math.min(2, rounds.length - 1)] ?? 1);
  const [newDice, setNewDice] = useState(false);
  const [seed, setSeed] = useState('what-if');
  const planners = replay.states[0].planners;
  const [kinds, setKinds] = useState<Record<string, 'person' | 'bot'>>(() =>
    Object.fromEntries(planners.map((p, i) => [p, i === 0 ? 'person' : 'bot'])),
  );
  const [games, setGames] = useState(300);
  const [estimate, startEstimate, cancelEstimate] = useChances();
  const [turns, startTurns, cancelTurns] = useChances();
  const seatName = (s: string) => file.seats.find((x) => x.seat === s)?.name ?? `Seat ${s}`;
  const noPerson = !planners.some((p) => kinds[p] === 'person');

  const play = () => {
    const fork = startFork(file, replay, round, newDice ? seed || 'what-if' : null);
    const seats: SeatSetup[] = replay.states[0].seats.map((s) => ({
      seat: s.id,
      kind: s.role === 'facilitator' ? 'absent' : (kinds[s.id] ?? 'bot'),
      level: 'heuristic' as BotLevel,
    }));
    onPlay({
      scenario: replay.scenario.id,
      seed: newDice ? seed || 'what-if' : file.seed,
      seats,
      botDelayMs: 300,
      guide: false,
      fork,
    });
  };
  const from = positionAt(replay, round);

  return (
    <section className="panel whatif" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>What if…</h2>
      <div className="whatif-grid">
        <label>
          From the opening of round{' '}
          <select value={round} onChange={(e) => setRound(Number(e.target.value))}>
            {rounds.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Dice for what follows</legend>
          <label>
            <input type="radio" checked={!newDice} onChange={() => setNewDice(false)} /> the same as
            this match
          </label>
          <label>
            <input type="radio" checked={newDice} onChange={() => setNewDice(true)} /> new, from the
            seed{' '}
            <input
              type="text"
              value={seed}
              maxLength={64}
              disabled={!newDice}
              aria-label="New seed"
              onChange={(e) => setSeed(e.target.value)}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Who plays each seat</legend>
          {planners.map((p) => (
            <label key={p}>
              {seatName(p)}{' '}
              <select
                value={kinds[p]}
                onChange={(e) => setKinds({ ...kinds, [p]: e.target.value as 'person' | 'bot' })}
              >
                <option value="person">a person</option>
                <option value="bot">a bot</option>
              </select>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="form-actions">
        <button type="button" className="btn primary" disabled={noPerson} onClick={play}>
          Play from round {round}
        </button>
        {noPerson && <span role="note"> Set at least one seat to a person to play.</span>}
      </p>
      <h3>What would happen from here?</h3>
      <p>
        Bots play on from the opening of round {round} many times, each with dice of its own, and
        count who wins.
      </p>
      <p className="form-actions">
        <label>
          Continuations{' '}
          <input
            type="number"
            min={10}
            max={2000}
            step={10}
            value={games}
            onChange={(e) => setGames(Math.max(10, Math.min(2000, Number(e.target.value) || 10)))}
          />
        </label>{' '}
        <button
          type="button"
          className="btn"
          disabled={!from || estimate.kind === 'running'}
          onClick={() =>
            from && startEstimate({ positions: [from], games, seed: `${file.id}/${round}` })
          }
        >
          Estimate from round {round}
        </button>
        {estimate.kind === 'running' && (
          <button type="button" className="btn ghost" onClick={cancelEstimate}>
            Stop
          </button>
        )}
      </p>
      <RunView run={estimate} label="Continuations" />
      {estimate.kind === 'done' && (
        <table className="chances" data-testid="chances">
          <caption>
            Each role&apos;s chance of winning from round {estimate.results[0].round},{' '}
            {estimate.results[0].games} continuations (95% interval)
          </caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Chance</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {estimate.results[0].roles.map((r) => (
              <tr key={r.role}>
                <th scope="row">{r.role}</th>
                <td>{pct(r.rate)}</td>
                <td>
                  {pct(r.lo)} – {pct(r.hi)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Turning points</h3>
      <p>
        The chances as each round opened ({Math.min(games, 100)} continuations a round): the round
        over which a role&apos;s chance moved most is its turning point.
      </p>
      <p className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={turns.kind === 'running'}
          onClick={() =>
            startTurns({
              positions: rounds.map((r) => positionAt(replay, r)!).concat([replay.states.at(-1)!]),
              games: Math.min(games, 100),
              seed: `${file.id}/turns`,
            })
          }
        >
          Find the turning points
        </button>
        {turns.kind === 'running' && (
          <button type="button" className="btn ghost" onClick={cancelTurns}>
            Stop
          </button>
        )}
      </p>
      <RunView run={turns} label="Turning points" />
      {turns.kind === 'done' && <Turns results={turns.results} rounds={rounds} />}
    </section>
  );
}

function RunView({ run, label }: { run: ChancesRun; label: string }) {
  if (run.kind === 'running')
    return (
      <p>
        <progress value={run.done} max={run.total} aria-label={`${label}: progress`} />{' '}
        <span role="status">
          {run.done} of {run.total}
        </span>
      </p>
    );
  if (run.kind === 'failed') return <p role="alert">{run.error}</p>;
  if (run.kind === 'done') return <p role="status">Done in {(run.ms / 1000).toFixed(1)} s.</p>;
  return null;
}

function Turns({
  results,
  rounds,
}: {
  results: import('../../../game/sim/continue').Continuations[];
  rounds: number[];
}) {
  const rows = results.map((c, i) => ({
    round: rounds[i] ?? rounds[rounds.length - 1] + 1,
    chances: Object.fromEntries(c.roles.map((r) => [r.role, r.rate])),
  }));
  const points = turningPoints(rows);
  const roles = results[0]?.roles.map((r) => r.role) ?? [];
  const label = (i: number) => (i < rounds.length ? `Round ${rows[i].round} opens` : 'The end');
  return (
    <>
      <table className="chances" data-testid="turning-chances">
        <caption>Each role&apos;s chance of winning as each round opened</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            {roles.map((r) => (
              <th key={r} scope="col">
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{label(i)}</th>
              {roles.map((r) => (
                <td key={r}>{pct(row.chances[r] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul data-testid="turning-points">
        {points.map((p) => (
          <li key={p.role}>
            <strong>{p.role}:</strong> round {p.round} moved its chance from {pct(p.before)} to{' '}
            {pct(p.after)}.
          </li>
        ))}
      </ul>
    </>
  );
}
