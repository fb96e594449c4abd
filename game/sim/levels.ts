import { BOT_LEVELS, type BotLevel } from '../bots/types';
import { PLAYING_ROLES, type PlayingRole } from '../ids';
import type { Scenario } from '../scenarios/schema';
import type { SeatLevels } from './play';

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
