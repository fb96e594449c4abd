import { useEffect, useState, useSyncExternalStore } from 'react';
import { waitingFor, type SeatId } from '../../../game/engine';
import { createLocalMatch, type LocalMatch } from './localMatch';
import { playBotRound } from './bots';
import { saveGame } from './saved';
import type { MatchSetup, TableFacts } from '../selectors/table';

/**
 * Creates the page's match once (or takes a kept one, already replayed), re-renders on every
 * accepted action and keeps the game in the browser after each one.
 */
export function useLocalMatch(
  setup: MatchSetup,
  kept?: LocalMatch,
): { match: LocalMatch; version: number } {
  const [match] = useState(
    () => kept ?? createLocalMatch(setup.scenario, setup.seed, { fork: setup.fork }),
  );
  const version = useSyncExternalStore(match.subscribe, match.version);
  useEffect(() => {
    // A fork starts from another match's position, which the kept record cannot hold.
    if (!setup.fork) saveGame(setup, match.actions());
  }, [setup, match, version]);
  return { match, version };
}

/** The public facts the table needs: the round, whether it is over, who still plans. */
export function factsOf(match: LocalMatch): TableFacts {
  const G = match.view(null);
  return { over: G.over, round: G.round, waiting: waitingFor(G) };
}

/**
 * Plays the bot seats: each bot that has not submitted plans its round from its own view and
 * submits, one bot after another with a short visible pause. A person's planning does not
 * restart a bot's pause.
 */
/** Call it on every render of the table: it reads who still has to submit from the match. */
export function useBots(
  match: LocalMatch,
  setup: MatchSetup,
  delayMs: number = setup.botDelayMs,
  paused = false,
): void {
  const G = match.view(null);
  const round = G.round;
  const bot: SeatId | null =
    waitingFor(G).find((s) => setup.seats.find((x) => x.seat === s)?.kind !== 'person') ?? null;
  useEffect(() => {
    if (bot === null || paused) return;
    const level = setup.seats.find((s) => s.seat === bot)?.level ?? 'random';
    const timer = window.setTimeout(() => playBotRound(match, bot, level, setup.seed), delayMs);
    return () => window.clearTimeout(timer);
  }, [match, setup, bot, round, delayMs, paused]);
}
