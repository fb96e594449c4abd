import { lazy, Suspense, useState } from 'react';
import { SCENARIOS, SCENARIO_IDS } from '../../../game/engine';
import { setupFromOptions, setupNote, setupProblem, type MatchSetup } from '../selectors/table';
import type { UrlOptions } from '../selectors/url';
import { SeatRows } from './SeatRows';
import { Logo } from '../board/Logo';
import type { SavedGame } from '../match/saved';

const RoleCards = lazy(() =>
  import('../learn/RoleCards').then((m) => ({ default: m.ScenarioRoleCards })),
);

interface Props {
  options: UrlOptions;
  /** A game kept in this browser (Quit → keep), offered to resume. */
  kept?: SavedGame | null;
  /** Why a kept game could not be restored. */
  problem?: string | null;
  /** A word about how the player got here (an address that led nowhere), until dismissed. */
  notice?: string | null;
  onNotice?: () => void;
  onResume?: () => void;
  onDiscard?: () => void;
  onStart(setup: MatchSetup): void;
  onRules(): void;
  /** Opens the networked screens (host, join, public matches). */
  onOnline?(): void;
}

/** Pick a scenario, say who sits where, start. */
export function StartScreen({
  options,
  kept,
  problem: restoreProblem,
  notice,
  onNotice,
  onResume,
  onDiscard,
  onStart,
  onRules,
  onOnline,
}: Props) {
  const [setup, setSetup] = useState<MatchSetup>(() => setupFromOptions(SCENARIO_IDS[0], options));
  const [cards, setCards] = useState(false);
  const scenario = SCENARIOS[setup.scenario];
  const problem = setupProblem(setup);
  return (
    <main className="start">
      <header className="start-head">
        <Logo />
        <p className="tagline">
          A strategy game about the race for AI chips — and the rules that try to stop it.
        </p>
        {onOnline && (
          <button type="button" className="btn big online-entry" onClick={onOnline}>
            Play online
          </button>
        )}
      </header>
      {kept && (
        <section className="panel saved-game" aria-labelledby="saved-title">
          <p id="saved-title">
            <strong>Your game is kept:</strong> {SCENARIOS[kept.setup.scenario]?.name}, saved{' '}
            {new Date(kept.savedAt).toLocaleString()}.
          </p>
          <button type="button" className="btn primary" onClick={onResume}>
            Resume the game
          </button>
          <button type="button" className="btn ghost" onClick={onDiscard}>
            Discard it
          </button>
        </section>
      )}
      {notice && (
        <section className="panel saved-game" role="status">
          <p>{notice}</p>
          <button type="button" className="btn ghost" onClick={onNotice}>
            OK
          </button>
        </section>
      )}
      {restoreProblem && (
        <section className="panel saved-game broken" role="alert">
          <p>{restoreProblem}</p>
          <button type="button" className="btn ghost" onClick={onDiscard}>
            OK
          </button>
        </section>
      )}
      <form
        className="start-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) onStart(setup);
        }}
      >
        <fieldset className="scenarios">
          <legend>1. Choose a scenario</legend>
          {SCENARIO_IDS.map((id) => {
            const s = SCENARIOS[id];
            return (
              <label key={id} className={`scenario ${id === setup.scenario ? 'picked' : ''}`}>
                <input
                  type="radio"
                  name="scenario"
                  value={id}
                  checked={id === setup.scenario}
                  onChange={() => setSetup(setupFromOptions(id, options))}
                />
                <span className="scenario-name">{s.name}</span>
                <span className="scenario-meta">
                  {s.rounds} rounds · {s.seats.filter((x) => x.role !== 'facilitator').length} roles
                  · starts {s.startYear}
                </span>
              </label>
            );
          })}
        </fieldset>
        <section className="briefing" aria-labelledby="briefing-title">
          <h2 id="briefing-title">Briefing</h2>
          <p>{scenario?.briefing}</p>
        </section>
        <fieldset className="seats">
          <legend>2. Who plays each role?</legend>
          <SeatRows setup={setup} onChange={setSetup} />
        </fieldset>
        <div className="start-actions">
          <label className="check">
            <input
              type="checkbox"
              checked={setup.guide}
              onChange={(e) => setSetup({ ...setup, guide: e.target.checked })}
            />
            Guide me through the first round
          </label>
          <button type="button" className="btn ghost" onClick={onRules}>
            Read the rules
          </button>
          <button type="button" className="btn ghost" onClick={() => setCards(true)}>
            Role cards
          </button>
          <button
            type="submit"
            className="btn primary big"
            disabled={problem !== null}
            aria-describedby="start-problem"
          >
            Start the game
          </button>
          <p id="start-problem" className="problem" role="status">
            {problem ?? setupNote(setup)}
          </p>
        </div>
      </form>
      {cards && (
        <Suspense fallback={<p role="status">Opening the role cards…</p>}>
          <RoleCards scenario={setup.scenario} onClose={() => setCards(false)} />
        </Suspense>
      )}
    </main>
  );
}
