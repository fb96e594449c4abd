import { lazy, Suspense, useCallback, useState } from 'react';
import type { ActionPayload, SeatId } from '../../../game/engine';
import { Board } from '../board/Board';
import { RoundRecap } from '../board/RoundRecap';
import { LocalDebriefEntry } from '../debrief/EndEntry';
import { PrivacyScreen, WaitingScreen } from './PrivacyScreen';
import { ProjectorView } from '../board/ProjectorView';
import { DemoControls } from './DemoControls';
import type { LocalMatch } from './localMatch';
import { factsOf, useBots, useLocalMatch } from './useLocalMatch';
import { people, screenFor, type MatchSetup } from '../selectors/table';
import { roundRecap } from '../selectors/recap';
import { seatName } from '../selectors/format';

/** The end screen, with the replay reader, loads when a game ends: not on the first screen. */
const EndScreen = lazy(() => import('../end/EndScreen').then((m) => ({ default: m.EndScreen })));

interface Props {
  setup: MatchSetup;
  /** A kept game, replayed (App restores it after a reload). */
  match?: LocalMatch;
  onRules(): void;
  /** Leave the table; `keep` leaves the game saved in the browser to resume later. */
  onQuit(keep: boolean): void;
}

/**
 * One screen, several seats, everyone planning the same round: the recap after each
 * resolution, then each person's board in turn behind the privacy screen (bots plan by
 * themselves), then the end screen. Only one seat's board is ever mounted, so no other seat's
 * secrets are in the page.
 */
export function Table({ setup, match: kept, onRules, onQuit }: Props) {
  const { match } = useLocalMatch(setup, kept);
  const [revealed, setRevealed] = useState<SeatId | null>(null);
  const [recapSeen, setRecapSeen] = useState(0);
  const [delay, setDelay] = useState(setup.botDelayMs);
  const [paused, setPaused] = useState(false);
  useBots(match, setup, delay, paused);
  const facts = factsOf(match);
  const screen = screenFor(setup, facts, revealed, recapSeen);
  const closeRecap = useCallback(
    () => setRecapSeen(facts.over ? facts.round : facts.round - 1),
    [facts.over, facts.round],
  );

  if (screen.kind === 'end') {
    const record = () =>
      match.record(
        Object.fromEntries(
          setup.seats.map((s) => [s.seat, s.kind === 'person' ? 'person' : 'bot']),
        ),
      );
    return (
      <Suspense fallback={<p role="status">Loading the results…</p>}>
        <EndScreen
          G={match.view(null)}
          onNewGame={() => onQuit(false)}
          record={async () => (await import('../../../game/replay')).readReplay(record())}
          debrief={<LocalDebriefEntry record={record} onLeave={() => onQuit(false)} />}
        />
      </Suspense>
    );
  }
  if (screen.kind === 'projector')
    return (
      <ProjectorView
        G={match.view(null)}
        badge="Demo · every role a bot"
        paused={paused}
        controls={
          <DemoControls delay={delay} paused={paused} onDelay={setDelay} onPause={setPaused} />
        }
        onRules={onRules}
        onQuit={() => onQuit(false)}
        quitLabel="End the demo"
        recapCloseMs={Math.max(4000, delay * 5)}
      />
    );
  if (screen.kind === 'recap') {
    const G = match.view(screen.viewer);
    return (
      <RoundRecap
        recap={roundRecap(G, screen.viewer, screen.round)}
        audience={screen.viewer === null ? 'everyone (public)' : seatName(G, screen.viewer)}
        mode="screen"
        onClose={closeRecap}
        closeLabel={facts.over ? 'See the results' : `Plan round ${facts.round}`}
      />
    );
  }
  if (screen.kind === 'privacy') {
    const G = match.view(null);
    return <PrivacyScreen G={G} seat={screen.seat} onReveal={() => setRevealed(screen.seat)} />;
  }
  if (screen.kind === 'waiting') return <WaitingScreen G={match.view(null)} />;
  const seat = screen.seat;
  return (
    <Board
      key={seat}
      G={match.view(seat)}
      playerID={seat}
      act={(payload: ActionPayload) => match.act(seat, payload)}
      guide={setup.guide}
      // The recap screen already showed this round; a seat's own secret lines still open on its board.
      autoRecap={people(setup).length > 1 ? 'secret' : 'never'}
      onRules={onRules}
      onQuit={() => onQuit(false)}
      onKeep={() => onQuit(true)}
      quitWarning="Leave this game? Keep it to resume later on this device, or end it."
    />
  );
}
