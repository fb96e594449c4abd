import { useEffect, useState, useSyncExternalStore } from 'react';
import { activeSeat, type GameState, type SeatId } from '../../../game/engine';
import { createLocalMatch, type LocalMatch } from './localMatch';
import { botMove } from './bots';
import type { MatchSetup } from '../selectors/table';

/** Creates the page's match once and re-renders on every accepted move. */
export function useLocalMatch(setup: MatchSetup): { match: LocalMatch; version: number } {
  const [match] = useState(() => createLocalMatch(setup.scenario, setup.seed));
  const version = useSyncExternalStore(match.subscribe, match.version);
  return { match, version };
}

/**
 * Whose turn it is, read from the spectator view (`view(null)`: the public facts, no seat's
 * secrets), which is never rendered here.
 */
export function activeOf(match: LocalMatch): { active: SeatId | null; over: boolean } {
  const facts: GameState = match.view(null);
  return { active: activeSeat(facts), over: facts.over };
}

/**
 * Plays the bot seats: after a short visible pause, the bot chooses from its own view and the
 * move goes through the same path as a person's. A bot whose move fails passes.
 */
export function useBots(
  match: LocalMatch,
  setup: MatchSetup,
  botTurn: SeatId | null,
  version: number,
): void {
  useEffect(() => {
    if (botTurn === null) return;
    const seat = botTurn;
    const level = setup.seats.find((s) => s.seat === seat)?.level ?? 'random';
    const timer = window.setTimeout(() => {
      const choice = botMove(match.view(seat), seat, level, `${setup.seed}:${version}`);
      const result =
        choice.move === 'pass' ? match.pass(seat) : match.send(seat, choice.move, choice.args);
      if (!result.ok) match.pass(seat);
    }, setup.botDelayMs);
    return () => window.clearTimeout(timer);
  }, [match, setup, botTurn, version]);
}
