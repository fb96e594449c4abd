import { useState } from 'react';
import type { MoveArgs, SeatId } from '../../../game/engine';
import { Board } from '../board/Board';
import { EndScreen } from '../end/EndScreen';
import { PrivacyScreen, WaitingScreen } from './PrivacyScreen';
import { activeOf, useBots, useLocalMatch } from './useLocalMatch';
import { screenFor, type MatchSetup } from '../selectors/table';
import { seatName } from '../selectors/format';

interface Props {
  setup: MatchSetup;
  onRules(): void;
  onQuit(): void;
}

/**
 * One screen, several seats: shows the board of the seat whose turn it is (after the privacy
 * screen), the neutral screen while bots play, and the end screen. Only one seat's board is
 * ever mounted, so no other seat's secrets are in the page.
 */
export function Table({ setup, onRules, onQuit }: Props) {
  const { match, version } = useLocalMatch(setup);
  const [revealed, setRevealed] = useState<SeatId | null>(null);
  const { active, over } = activeOf(match);
  const screen = screenFor(setup, over, active, revealed);
  useBots(
    match,
    setup,
    screen.kind === 'board' || screen.kind === 'waiting' ? screen.botTurn : null,
    version,
  );

  if (screen.kind === 'end') return <EndScreen G={match.view(null)} onNewGame={onQuit} />;
  if (screen.kind === 'privacy') {
    const G = match.view(null);
    return <PrivacyScreen G={G} seat={screen.seat} onReveal={() => setRevealed(screen.seat)} />;
  }
  if (screen.kind === 'waiting')
    return (
      <WaitingScreen G={match.view(null)} botName={seatName(match.view(null), screen.botTurn)} />
    );
  const seat = screen.seat;
  return (
    <Board
      key={seat}
      G={match.view(seat)}
      playerID={seat}
      sendMove={(name: string, args: MoveArgs) => match.send(seat, name, args)}
      pass={() => match.pass(seat)}
      botTurn={screen.botTurn ? seatName(match.view(seat), screen.botTurn) : null}
      guide={setup.guide}
      onRules={onRules}
      onQuit={onQuit}
    />
  );
}
