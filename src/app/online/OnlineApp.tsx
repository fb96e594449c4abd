import { lazy, Suspense } from 'react';
import type { Route } from './urls';
import { OnlineHome } from './OnlineHome';
import { CreateMatch } from './CreateMatch';
import { JoinScreen } from './JoinScreen';
import { HostScreen } from './HostScreen';
import './online.css';

const PlayScreen = lazy(() => import('./PlayScreen'));
const WatchScreen = lazy(() => import('./WatchScreen'));

interface Props {
  route: Route;
  onRules(): void;
}

/** The networked screens, chosen by the address: lobby, create, join, host, play, watch. */
export default function OnlineApp({ route, onRules }: Props) {
  const loading = (
    <main className="online-page" aria-busy="true">
      <p role="status">Connecting…</p>
    </main>
  );
  switch (route.kind) {
    case 'home':
      return <OnlineHome />;
    case 'create':
      return <CreateMatch />;
    case 'join':
      return <JoinScreen key={route.code} code={route.code} />;
    case 'host':
      return <HostScreen key={route.matchID} matchID={route.matchID} />;
    case 'play':
      return (
        <Suspense fallback={loading}>
          <PlayScreen key={route.matchID} matchID={route.matchID} onRules={onRules} />
        </Suspense>
      );
    case 'watch':
      return (
        <Suspense fallback={loading}>
          <WatchScreen key={route.matchID} matchID={route.matchID} onRules={onRules} />
        </Suspense>
      );
  }
}
