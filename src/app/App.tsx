import { lazy, Suspense, useEffect, useState } from 'react';
import { StartScreen } from './start/StartScreen';
import { createLocalMatch, type LocalMatch } from './match/localMatch';
import { forgetGame, loadGame, type SavedGame } from './match/saved';
import { autostart, type MatchSetup } from './selectors/table';
import { urlOptions } from './selectors/url';
import { navigate, parseRoute, usePath } from './online/urls';
import { parseSessionRoute } from './session/routes';

// The board loads when a game opens, so the start screen stays light.
const Table = lazy(() => import('./match/Table').then((m) => ({ default: m.Table })));
const Rulebook = lazy(() => import('./rules/Rulebook'));
const OnlineApp = lazy(() => import('./online/OnlineApp'));
const DebriefApp = lazy(() => import('./debrief/DebriefApp'));
const ClassApp = lazy(() => import('./session/ClassApp'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

interface Playing {
  setup: MatchSetup;
  /** A kept game, replayed; absent for a new one. */
  match?: LocalMatch;
}

/** The kept game replayed, or why it cannot be (the record is then discarded). */
function restore(game: SavedGame): Playing | string {
  try {
    return {
      setup: game.setup,
      match: createLocalMatch(game.setup.scenario, game.setup.seed, { replay: game.actions }),
    };
  } catch (e) {
    return `it does not replay in this version of the game (${(e as Error).message})`;
  }
}

/** An address of another screen than the start screen: online, a class, the debrief. */
const isOtherScreen = (path: string): boolean =>
  !!parseRoute(path) || !!parseSessionRoute(path) || path.startsWith('/debrief');

/** An address that is no screen of the app at all (a typo, an old link). */
const isStray = (path: string): boolean =>
  path !== '/' && path !== '/index.html' && !isOtherScreen(path);

/** What the start screen says when the address led nowhere. */
function strayNotice(): string | null {
  const path = window.location.pathname;
  return isStray(path)
    ? `There is no page at ${path}. This is the start screen: play here, or go online to join a match.`
    : null;
}

/** What the page opens on: a game the address starts, else the game kept in this browser. */
function boot(): { playing: Playing | null; kept: SavedGame | null; problem: string | null } {
  const started = autostart(urlOptions(window.location.search));
  if (started) {
    // A reload of a teacher's ?start= link must resume this game, not start another one.
    const q = new URLSearchParams(window.location.search);
    q.delete('start');
    const rest = q.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
    return { playing: { setup: started }, kept: null, problem: null };
  }
  const path = window.location.pathname;
  // Another screen's address (online, a class, the debrief) opens that screen, not the kept game.
  if (isOtherScreen(path)) return { playing: null, kept: null, problem: null };
  const saved = loadGame();
  if (saved.kind === 'none') return { playing: null, kept: null, problem: null };
  const restored = saved.kind === 'saved' ? restore(saved.game) : saved.problem;
  if (typeof restored !== 'string') return { playing: restored, kept: null, problem: null };
  forgetGame();
  return {
    playing: null,
    kept: null,
    problem: `Your saved game could not be restored: ${restored}. It has been discarded; start a new game.`,
  };
}

/** The app: the start screen, then one match played on this screen (kept across reloads). */
export function App() {
  const [options] = useState(() => urlOptions(window.location.search));
  const [start] = useState(boot);
  const [playing, setPlaying] = useState<Playing | null>(start.playing);
  const [kept, setKept] = useState<SavedGame | null>(start.kept);
  const [problem, setProblem] = useState<string | null>(start.problem);
  const [notice, setNotice] = useState<string | null>(() => (start.playing ? null : strayNotice()));
  useEffect(() => {
    // The address bar shows where the player is: the start screen's own address.
    if (isStray(window.location.pathname))
      window.history.replaceState(null, '', '/' + window.location.search);
  }, []);
  const [rules, setRules] = useState(false);
  const path = usePath();
  const online = parseRoute(path);
  const debrief = path === '/debrief' || path.startsWith('/debrief/');
  const session = parseSessionRoute(path);
  const resume = () => {
    const saved = loadGame();
    const restored = saved.kind === 'saved' ? restore(saved.game) : 'it is no longer there';
    setKept(null);
    if (typeof restored === 'string') {
      forgetGame();
      setProblem(`Your saved game could not be restored: ${restored}.`);
    } else setPlaying(restored);
  };
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
      ) : playing ? (
        <Suspense
          fallback={
            <main className="start" role="status">
              Opening the table…
            </main>
          }
        >
          <Table
            key={playing.setup.seed + playing.setup.scenario}
            setup={playing.setup}
            match={playing.match}
            onRules={() => setRules(true)}
            onQuit={(keep) => {
              if (keep) {
                const saved = loadGame();
                setKept(saved.kind === 'saved' ? saved.game : null);
              } else forgetGame();
              setPlaying(null);
            }}
          />
        </Suspense>
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
              setPlaying({ setup: next });
            }}
            onClose={() => navigate('/')}
          />
        </Suspense>
      ) : (
        <StartScreen
          options={options}
          kept={kept}
          problem={problem}
          notice={notice}
          onNotice={() => setNotice(null)}
          onResume={resume}
          onDiscard={() => {
            forgetGame();
            setKept(null);
            setProblem(null);
          }}
          onStart={(setup) => {
            forgetGame();
            setProblem(null);
            setKept(null);
            setPlaying({ setup });
          }}
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
