import { SCENARIOS, type SeatId } from '../../../game/engine';
import type { BotLevel } from '../../protocol';
import type { UrlOptions } from './url';
import type { ForkStart } from '../../../game/replay';

export type SeatKind = 'person' | 'bot' | 'absent';

export interface SeatSetup {
  seat: SeatId;
  kind: SeatKind;
  level: BotLevel;
}

export interface MatchSetup {
  scenario: string;
  seed: string;
  seats: SeatSetup[];
  /** Pause before each bot action so people can follow. */
  botDelayMs: number;
  guide: boolean;
  /** Play on from another match's position (a "what if" from the debrief). */
  fork?: ForkStart;
}

/** What the screen shows now. */
export type Screen =
  | { kind: 'end' }
  | { kind: 'recap'; round: number; viewer: SeatId | null }
  | { kind: 'privacy'; seat: SeatId }
  | { kind: 'board'; seat: SeatId }
  | { kind: 'waiting' }
  /** No person plays: a demo for the projector, every role a bot. */
  | { kind: 'projector' };

/** The public facts the table decides on. */
export interface TableFacts {
  over: boolean;
  round: number;
  /** Seats that have not submitted this round, in seat order. */
  waiting: SeatId[];
}

export const people = (setup: MatchSetup): SeatId[] =>
  setup.seats.filter((s) => s.kind === 'person').map((s) => s.seat);

/**
 * Hot-seat rules for simultaneous planning. After each resolution the round recap comes first:
 * one person sees their own recap; several people see the public one together (their own
 * secret lines wait on their boards). Then the device goes to each person who has not
 * submitted, in seat order, behind the privacy screen; bots plan by themselves. With one person
 * their board stays up while the bots seal their orders.
 */
export function screenFor(
  setup: MatchSetup,
  facts: TableFacts,
  revealed: SeatId | null,
  recapSeen: number,
): Screen {
  const humans = people(setup);
  if (humans.length === 0) return facts.over ? { kind: 'end' } : { kind: 'projector' };
  const solo = humans.length === 1;
  const resolved = facts.over ? facts.round : facts.round - 1;
  if (resolved >= 1 && recapSeen < resolved)
    return { kind: 'recap', round: resolved, viewer: solo ? humans[0] : null };
  if (facts.over) return { kind: 'end' };
  if (solo) return { kind: 'board', seat: humans[0] };
  const next = humans.find((s) => facts.waiting.includes(s));
  if (next === undefined) return { kind: 'waiting' };
  if (revealed !== next) return { kind: 'privacy', seat: next };
  return { kind: 'board', seat: next };
}

/** The start screen's defaults: the first playing seat is a person, the rest are bots. */
export function defaultSetup(scenario: string): MatchSetup {
  const s = SCENARIOS[scenario];
  const seats: SeatSetup[] = (s?.seats ?? []).map((seat, i) => ({
    seat: String(i) as SeatId,
    kind: seat.role === 'facilitator' ? 'absent' : i === 0 ? 'person' : 'bot',
    level: 'heuristic',
  }));
  return { scenario, seed: 'chokepoint', seats, botDelayMs: 700, guide: true };
}

/** The facilitator seat of the setup, when the scenario has one. */
const facilitatorSeat = (setup: MatchSetup): SeatSetup | undefined =>
  setup.seats.find((s) => SCENARIOS[setup.scenario]?.seats[Number(s.seat)]?.role === 'facilitator');

/** Why the game cannot start with this setup, or null. Every role a bot is a demo. */
export function setupProblem(setup: MatchSetup): string | null {
  if (!SCENARIOS[setup.scenario]) return 'Choose a scenario.';
  const facilitator = facilitatorSeat(setup);
  if (facilitator?.kind === 'person' && people(setup).length > 1)
    return 'On one screen the facilitator sees every secret: make every other role a bot, or leave the facilitator seat empty.';
  return null;
}

/** What the start button will begin, in words, when it is not an ordinary game. */
export function setupNote(setup: MatchSetup): string | null {
  if (setupProblem(setup)) return null;
  if (people(setup).length === 0)
    return 'Every role is a bot: a demo for the projector, with a speed control.';
  if (facilitatorSeat(setup)?.kind === 'person')
    return 'The bots play every role while the facilitator watches every secret.';
  return null;
}

/** The setup the address asks for: defaults plus ?seed, ?speed, ?guide and ?seat. */
export function setupFromOptions(scenario: string, o: UrlOptions): MatchSetup {
  const base = defaultSetup(scenario);
  const seats =
    o.seat === null
      ? base.seats
      : base.seats.map((s) =>
          s.kind === 'absent'
            ? s
            : { ...s, kind: s.seat === o.seat ? ('person' as const) : ('bot' as const) },
        );
  return {
    ...base,
    seats,
    seed: o.seed ?? base.seed,
    botDelayMs: o.botDelayMs ?? base.botDelayMs,
    guide: o.guide ?? base.guide,
  };
}

/** The game to start at once from the address, when it names a valid one. */
export function autostart(o: UrlOptions): MatchSetup | null {
  if (!o.start || !SCENARIOS[o.start]) return null;
  const setup = setupFromOptions(o.start, o);
  return setupProblem(setup) ? null : setup;
}
