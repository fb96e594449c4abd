import { lazy, Suspense, useState } from 'react';
import { StartScreen } from './start/StartScreen';
import { Table } from './match/Table';
import { autostart, type MatchSetup } from './selectors/table';
import { urlOptions } from './selectors/url';
import { navigate, parseRoute, usePath } from './online/urls';
import { parseSessionRoute } from './session/routes';

const Rulebook = lazy(() => import('./rules/Rulebook'));
const OnlineApp = lazy(() => import('./online/OnlineApp'));
const DebriefApp = lazy(() => import('./debrief/DebriefApp'));
const ClassApp = lazy(() => import('./session/ClassApp'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

/** The app: the start screen, then one match played on this screen. */
export function App() {
  const [options] = useState(() => urlOptions(window.location.search));
  const [setup, setSetup] = useState<MatchSetup | null>(() => autostart(options));
  const [rules, setRules] = useState(false);
  const path = usePath();
  const online = parseRoute(path);
  const debrief = path === '/debrief' || path.startsWith('/debrief/');
  const session = parseSessionRoute(path);
  return (
    <>
      {session ? (
        <Suspense
          fallback={
            <main className="start" role="status">
              Opening…
            </main>
          }
        >
          {session.kind === 'class' ? (
            <ClassApp key={session.code} code={session.code} onRules={() => setRules(true)} />
          ) : (
            <ConsoleApp sessionID={session.sessionID} />
          )}
        </Suspense>
      ) : online ? (
        <Suspense
          fallback={
            <main className="start" role="status">
              Opening…
            </main>
          }
        >
          <OnlineApp route={online} onRules={() => setRules(true)} />
        </Suspense>
      ) : setup ? (
        <Table
          key={setup.seed + setup.scenario}
          setup={setup}
          onRules={() => setRules(true)}
          onQuit={() => setSetup(null)}
        />
      ) : debrief ? (
        <Suspense
          fallback={
            <main className="start" role="status">
              Opening…
            </main>
          }
        >
          <DebriefApp
            path={path}
            onPlay={(next) => {
              navigate('/');
              setSetup(next);
            }}
            onClose={() => navigate('/')}
          />
        </Suspense>
      ) : (
        <StartScreen
          options={options}
          onStart={setSetup}
          onRules={() => setRules(true)}
          onOnline={() => navigate('/online')}
        />
      )}
      {rules && (
        <Suspense
          fallback={
            <div className="overlay" role="status">
              Opening the rulebook…
            </div>
          }
        >
          <Rulebook onClose={() => setRules(false)} />
        </Suspense>
      )}
    </>
  );
}
