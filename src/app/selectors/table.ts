import { SCENARIOS, type SeatId } from '../../../game/engine';
import type { BotLevel } from '../../protocol';
import type { UrlOptions } from './url';

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
}

/** What the screen shows now. */
export type Screen =
  | { kind: 'end' }
  | { kind: 'privacy'; seat: SeatId }
  | { kind: 'board'; seat: SeatId; botTurn: SeatId | null }
  | { kind: 'waiting'; botTurn: SeatId };

export const people = (setup: MatchSetup): SeatId[] =>
  setup.seats.filter((s) => s.kind === 'person').map((s) => s.seat);

/**
 * Hot-seat rules. With one person at the table their board stays up while the bots play.
 * With several, a seat's board is shown only on its own turn after it pressed "reveal", and
 * between turns a neutral screen holds nothing secret.
 */
export function screenFor(
  setup: MatchSetup,
  over: boolean,
  active: SeatId | null,
  revealed: SeatId | null,
): Screen {
  if (over || active === null) return { kind: 'end' };
  const humans = people(setup);
  const kindOf = setup.seats.find((s) => s.seat === active)?.kind ?? 'bot';
  const isBot = kindOf !== 'person';
  if (humans.length === 1)
    return { kind: 'board', seat: humans[0], botTurn: isBot ? active : null };
  if (isBot) return { kind: 'waiting', botTurn: active };
  if (revealed !== active) return { kind: 'privacy', seat: active };
  return { kind: 'board', seat: active, botTurn: null };
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

/** Why the game cannot start with this setup, or null. */
export function setupProblem(setup: MatchSetup): string | null {
  if (!SCENARIOS[setup.scenario]) return 'Choose a scenario.';
  if (people(setup).length === 0) return 'Set at least one seat to a person.';
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
