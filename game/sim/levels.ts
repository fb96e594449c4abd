import { BOT_LEVELS, type BotLevel } from '../bots/types';
import { PLAYING_ROLES, type PlayingRole } from '../ids';
import type { Scenario } from '../scenarios/schema';
import { MOVES } from '../moves';
import type { SeatBans, SeatLevels } from './play';

export type LevelsResult = { ok: true; levels: SeatLevels } | { ok: false; error: string };

const isLevel = (s: string): s is BotLevel => (BOT_LEVELS as readonly string[]).includes(s);
const isRole = (s: string): s is PlayingRole => (PLAYING_ROLES as readonly string[]).includes(s);

/**
 * Reads a bots spec: a level for every seat ("heuristic", "random"), then overrides by role or
 * seat number ("random,firm=heuristic", "regulator=heuristic,2=random"). Unnamed seats play
 * heuristic. Facilitator seats take no turns and get no bot.
 */
export function parseBots(spec: string, scenario: Scenario): LevelsResult {
  let fallback: BotLevel = 'heuristic';
  const byRole = new Map<PlayingRole, BotLevel>();
  const bySeat = new Map<number, BotLevel>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.includes('=') ? part.split('=', 2) : [null, part];
    if (!isLevel(value))
      return { ok: false, error: `unknown bot level "${value}" (use ${BOT_LEVELS.join(' or ')})` };
    if (key === null) fallback = value;
    else if (isRole(key)) byRole.set(key, value);
    else if (/^\d+$/.test(key) && Number(key) < scenario.seats.length)
      bySeat.set(Number(key), value);
    else
      return {
        ok: false,
        error: `"${key}" is neither a role (${PLAYING_ROLES.join(', ')}) nor a seat number of ${scenario.id}`,
      };
  }
  const levels: Record<string, BotLevel> = {};
  scenario.seats.forEach((seat, i) => {
    if (seat.role === 'facilitator') return;
    levels[String(i)] = bySeat.get(i) ?? byRole.get(seat.role) ?? fallback;
  });
  return { ok: true, levels };
}

export type BansResult = { ok: true; bans: SeatBans } | { ok: false; error: string };

/**
 * Reads ban specs ("firm:Offshore", repeatable): each forbids a move family to every seat of a
 * role. The family must be one of that role's.
 */
export function parseBans(specs: readonly string[], scenario: Scenario): BansResult {
  const bans: Record<string, string[]> = {};
  for (const spec of specs) {
    const [role, family, extra] = spec.split(':');
    if (!role || !family || extra !== undefined)
      return { ok: false, error: `"${spec}" is not ROLE:FAMILY (e.g. firm:Offshore)` };
    if (!isRole(role))
      return { ok: false, error: `"${role}" is not a role (${PLAYING_ROLES.join(', ')})` };
    const families = familiesOf(role);
    if (!families.includes(family))
      return {
        ok: false,
        error: `"${family}" is not a ${role} move family (${families.join(', ')})`,
      };
    scenario.seats.forEach((seat, i) => {
      if (seat.role === role) (bans[String(i)] ??= []).push(family);
    });
  }
  return { ok: true, bans };
}

/** A role's move families, in the rulebook's order. */
export const familiesOf = (role: PlayingRole): string[] => [
  ...new Set(MOVES.filter((m) => m.role === role).map((m) => m.family)),
];

/** Every playing seat at one level, except the seats of one role at another. */
export function roleAgainst(
  scenario: Scenario,
  role: PlayingRole,
  level: BotLevel,
  others: BotLevel,
): SeatLevels {
  const levels: Record<string, BotLevel> = {};
  scenario.seats.forEach((seat, i) => {
    if (seat.role !== 'facilitator') levels[String(i)] = seat.role === role ? level : others;
  });
  return levels;
}
