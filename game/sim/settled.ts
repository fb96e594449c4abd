import { allFirms } from '../access';
import { RULES } from '../rules';
import type { FirmState, GameState } from '../state';
import { cardIn } from '../orders/cards';
import { homeCeiling, homePods, trainingGain } from '../training';

/**
 * When the race between the firms and the regulator was settled. At the end of a round a firm's
 * race is settled when nothing anyone could still do would change its result:
 * - it is safely ahead: its capability (which never falls) is at least the frontier plus every
 *   rise still possible (annual steps, a chip generation under way or still launchable in time,
 *   cards in hand or still to be dealt that move the frontier); or
 * - it is out of reach: even if everything in its pipeline came home (models waiting abroad,
 *   trainings running, home runs up to the home ceiling, and a new offshore run where enough
 *   rounds remain for one) it would stay under today's frontier, which only rises.
 * The game's race is settled at the first round from which every firm's race stays settled;
 * it was still open two rounds before the end when that round is after `rounds - 2`.
 */
export function raceSettled(state: GameState): boolean {
  return allFirms(state).every((f) => safelyAhead(state, f) || outOfReach(state, f));
}

function risesAhead(state: GameState): number {
  let rises = 0;
  for (let r = state.round; r <= state.rounds; r++)
    if (state.frontierEvery > 0 && r % state.frontierEvery === 0) rises += RULES.frontierStep;
  const left = state.rounds - state.round + 1;
  const underWay = state.pending.some((p) => p.kind === 'generation');
  if (underWay || left >= RULES.generationDelay) rises += RULES.generationFrontier;
  return rises + cardsStillToCome(state, 'frontier');
}

/** The most a kind of card effect could still add: cards in any hand or still to be dealt. */
function cardsStillToCome(state: GameState, op: 'frontier' | 'firmCapability'): number {
  const ids = [
    ...Object.values(state.plans).flatMap((p) => p.hand),
    ...(state.secret?.deck.flat() ?? []),
  ];
  let total = 0;
  for (const id of ids)
    for (const e of cardIn(state, id)?.effects ?? [])
      if (e.op === op && e.delta > 0) total += e.delta;
  return total;
}

const safelyAhead = (state: GameState, f: FirmState): boolean =>
  f.capability >= state.frontier + risesAhead(state);

/** The most capability the firm could still bring home in the rounds left. */
export function mostStillPossible(state: GameState, f: FirmState): number {
  const left = state.over ? 0 : state.rounds - state.round + 1;
  let gain = 0;
  // Models waiting abroad fly home in one round.
  if (left >= 1) gain += f.secrets.models.reduce((n, m) => n + m.gain, 0);
  for (const t of f.secrets.trainings) {
    if (t.at === 'home') continue;
    // Done at the end of `doneRound`, carried home the round after.
    if (t.doneRound + 1 <= state.rounds) gain += trainingGain(t.pods, t.tb);
  }
  // A new offshore run: train, let it finish, carry it home.
  if (left >= RULES.trainRounds + 1) gain += 2 * RULES.maxLeasePods;
  gain += cardsStillToCome(state, 'firmCapability');
  const homeRoom = Math.max(0, homeCeiling(state, f) - f.capability);
  const homeRun =
    f.secrets.trainings.some((t) => t.at === 'home' && t.doneRound <= state.rounds) ||
    (left >= RULES.trainRounds && homePods(f) > 0);
  if (homeRun) gain += homeRoom;
  return f.capability + gain;
}

const outOfReach = (state: GameState, f: FirmState): boolean =>
  mostStillPossible(state, f) < state.frontier;

/** The first round from which the race stayed settled, given whether it was at each round's end. */
export function settledRoundOf(settledAtEnd: readonly boolean[]): number {
  let settled = settledAtEnd.length;
  for (let r = settledAtEnd.length - 1; r >= 0 && settledAtEnd[r]; r--) settled = r;
  return settled;
}
