import { useState } from 'react';
import { SCENARIOS, SCENARIO_IDS } from '../../../game/engine';
import type { DefaultOrders } from '../../protocol';
import { OnlineHeader } from '../online/OnlineHeader';
import { navigate } from '../online/urls';
import { sessionApi } from '../session/client';

/**
 * One scenario per table, as many as the number of tables typed (at most 60): those chosen so
 * far, the session's scenario for the rest.
 */
function scenarioList(chosen: string[], tables: string, fallback: string): string[] {
  const n = Number(tables);
  if (!Number.isInteger(n) || n < 1) return [];
  return Array.from({ length: Math.min(n, 60) }, (_, i) => chosen[i] ?? fallback);
}

/** /console: a facilitator sets up a session for a class or a workshop. */
export function CreateSession() {
  const [scenario, setScenario] = useState(SCENARIO_IDS[0] ?? 'classroom');
  const [tables, setTables] = useState('');
  const [perTable, setPerTable] = useState(false);
  const [tableScenarios, setTableScenarios] = useState<string[]>([]);
  const [teamSize, setTeamSize] = useState<1 | 2 | 3>(1);
  const [observers, setObservers] = useState(true);
  const [defaults, setDefaults] = useState<DefaultOrders>('bot');
  const [timer, setTimer] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <main className="online-page narrow">
      <OnlineHeader title="Run a class or a workshop" />
      <form
        className="panel online-card session-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setProblem(null);
          sessionApi
            .create({
              scenario,
              ...(tables.trim() ? { tables: Number(tables) } : {}),
              ...(perTable
                ? { tableScenarios: scenarioList(tableScenarios, tables, scenario) }
                : {}),
              policy: { teamSize, observers },
              defaults,
              ...(timer.trim() ? { roundSeconds: Number(timer) } : {}),
            })
            .then(
              (c) => {
                sessionApi.saveFacilitator(c);
                navigate(`/console/${c.sessionID}`);
              },
              (err: unknown) => {
                setProblem(err instanceof Error ? err.message : String(err));
                setBusy(false);
              },
            );
        }}
      >
        <label>
          Scenario
          <select value={scenario} onChange={(e) => setScenario(e.target.value)}>
            {SCENARIO_IDS.map((id) => (
              <option key={id} value={id}>
                {SCENARIOS[id]?.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Number of tables{' '}
          <span className="muted">
            {perTable ? '(needed for a scenario per table)' : '(empty: as many as the class needs)'}
          </span>
          <input
            type="number"
            min={1}
            max={60}
            value={tables}
            required={perTable}
            onChange={(e) => setTables(e.target.value)}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={perTable}
            onChange={(e) => setPerTable(e.target.checked)}
          />
          A different scenario at each table
        </label>
        {perTable && (
          <fieldset className="table-scenarios">
            <legend>Scenario of each table</legend>
            {scenarioList(tableScenarios, tables, scenario).map((id, i) => (
              <label key={i}>
                Table {i + 1}
                <select
                  aria-label={`Scenario of table ${i + 1}`}
                  value={id}
                  onChange={(e) => {
                    const next = scenarioList(tableScenarios, tables, scenario);
                    next[i] = e.target.value;
                    setTableScenarios(next);
                  }}
                >
                  {SCENARIO_IDS.map((sid) => (
                    <option key={sid} value={sid}>
                      {SCENARIOS[sid]?.name}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {scenarioList(tableScenarios, tables, scenario).length === 0 && (
              <p className="muted">Give the number of tables first.</p>
            )}
          </fieldset>
        )}
        <fieldset>
          <legend>People per seat</legend>
          {([1, 2, 3] as const).map((n) => (
            <label key={n} className="inline">
              <input
                type="radio"
                name="team"
                checked={teamSize === n}
                onChange={() => setTeamSize(n)}
              />
              {n === 1 ? 'One person per seat' : `Team seats of ${n}`}
            </label>
          ))}
        </fieldset>
        <label className="inline">
          <input
            type="checkbox"
            checked={observers}
            onChange={(e) => setObservers(e.target.checked)}
          />
          Students beyond the seats follow a table as observers
        </label>
        <p className="muted">Bots play every seat nobody takes.</p>
        <fieldset>
          <legend>When the round timer runs out, a seat that has not submitted gets</legend>
          <label className="inline">
            <input
              type="radio"
              name="defaults"
              checked={defaults === 'bot'}
              onChange={() => setDefaults('bot')}
            />
            its bot&apos;s orders
          </label>
          <label className="inline">
            <input
              type="radio"
              name="defaults"
              checked={defaults === 'hold'}
              onChange={() => setDefaults('hold')}
            />
            &ldquo;hold&rdquo; (no orders, no card)
          </label>
        </fieldset>
        <label>
          Round timer in seconds <span className="muted">(10 to 86400; empty: none)</span>
          <input
            type="number"
            min={10}
            max={86400}
            value={timer}
            onChange={(e) => setTimer(e.target.value)}
          />
        </label>
        <button type="submit" className="btn primary big" disabled={busy}>
          {busy ? 'Creating…' : 'Create the session'}
        </button>
        {problem && (
          <p className="problem" role="alert">
            The server said: {problem}.
          </p>
        )}
      </form>
    </main>
  );
}
