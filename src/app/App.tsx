import { lazy, Suspense, useState } from 'react';
import { StartScreen } from './start/StartScreen';
import { Table } from './match/Table';
import type { MatchSetup } from './selectors/table';
import { urlOptions } from './selectors/url';

const Rulebook = lazy(() => import('./rules/Rulebook'));

/** The app: the start screen, then one match played on this screen. */
export function App() {
  const [setup, setSetup] = useState<MatchSetup | null>(null);
  const [rules, setRules] = useState(false);
  const options = urlOptions(window.location.search);
  return (
    <>
      {setup ? (
        <Table key={setup.seed + setup.scenario} setup={setup} onRules={() => setRules(true)} onQuit={() => setSetup(null)} />
      ) : (
        <StartScreen options={options} onStart={setSetup} onRules={() => setRules(true)} />
      )}
      {rules && (
        <Suspense fallback={<div className="overlay" role="status">Opening the rulebook…</div>}>
          <Rulebook onClose={() => setRules(false)} />
        </Suspense>
      )}
    </>
  );
}
