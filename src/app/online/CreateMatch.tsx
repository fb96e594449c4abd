import { useState } from 'react';
import { SCENARIOS, SCENARIO_IDS } from '../../../game/engine';
import type { Visibility } from '../../protocol';
import { lobby, problemText, saveHostCard } from './lobby';
import { OnlineHeader } from './OnlineHeader';
import { CreateSeats, defaultChoices } from './CreateSeats';
import { createProblem, isDemo, seatSpecs, type SeatChoice } from './seats';
import { navigate } from './urls';

/** The host's form: scenario, who plays each seat, public or private; then the host screen. */
const VISIBILITIES: { value: Visibility; name: string; meta: string }[] = [
  {
    value: 'private',
    name: 'Private',
    meta: 'Only people with the code or the link can join — best for a class.',
  },
  {
    value: 'public',
    name: 'Public',
    meta: 'Also listed under “Open public matches” for anyone to join.',
  },
];

export function CreateMatch() {
  const [scenario, setScenario] = useState(SCENARIO_IDS[0]);
  const [choices, setChoices] = useState<SeatChoice[]>(() => defaultChoices(SCENARIO_IDS[0]));
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const roles = (SCENARIOS[scenario]?.seats ?? []).map((s) => s.role);
  const problem = createProblem(choices, roles);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const created = await lobby.create(scenario, seatSpecs(choices), visibility);
      saveHostCard(created);
      navigate(`/host/${created.matchID}`);
    } catch (e) {
      setFailure(problemText(e));
      setBusy(false);
    }
  };
  return (
    <main className="online-page">
      <OnlineHeader title="Create a match" />
      <form
        className="start-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem && !busy) void submit();
        }}
      >
        <fieldset className="scenarios">
          <legend>1. Scenario</legend>
          {SCENARIO_IDS.map((id) => {
            const s = SCENARIOS[id];
            return (
              <label key={id} className={`scenario ${id === scenario ? 'picked' : ''}`}>
                <input
                  type="radio"
                  name="scenario"
                  value={id}
                  checked={id === scenario}
                  onChange={() => {
                    setScenario(id);
                    setChoices(defaultChoices(id));
                  }}
                />
                <span className="scenario-name">{s.name}</span>
                <span className="scenario-meta">
                  {s.rounds} rounds · starts {s.startYear}
                </span>
              </label>
            );
          })}
        </fieldset>
        <fieldset className="visibility">
          <legend>2. Who may find it</legend>
          {VISIBILITIES.map((v) => (
            <label key={v.value} className={`scenario ${visibility === v.value ? 'picked' : ''}`}>
              <input
                type="radio"
                name="visibility"
                value={v.value}
                checked={visibility === v.value}
                onChange={() => setVisibility(v.value)}
              />
              <span className="scenario-name">{v.name}</span>
              <span className="scenario-meta">{v.meta}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="seats">
          <legend>3. Who plays each role?</legend>
          <CreateSeats scenario={scenario} choices={choices} onChange={setChoices} />
        </fieldset>
        <div className="start-actions">
          <button
            type="submit"
            className="btn primary big"
            disabled={problem !== null || busy}
            aria-describedby="create-problem"
          >
            {busy ? 'Creating…' : 'Create the match'}
          </button>
          <p id="create-problem" className="problem" role="status">
            {failure ??
              problem ??
              (isDemo(choices, roles)
                ? 'Every role is a bot: a demo. Open the spectator link on the projector to watch it.'
                : null)}
          </p>
        </div>
      </form>
    </main>
  );
}
