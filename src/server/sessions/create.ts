import { HttpError } from '../lobby/http';
import type { ServedGame } from '../served/served-game';
import type { SessionRecord } from '../storage/types';
import { isBotLevel, type CreateSessionRequest, type SeatPolicy } from '../../protocol';
import { MAX_TABLES } from './roster';
import { secondsIn } from './timers';

/** A new session's settings, as the facilitator asked for them. */
export type SessionSettings = Pick<
  SessionRecord,
  'scenario' | 'tableCount' | 'policy' | 'defaults' | 'roundSeconds'
>;

/** Checks a POST /api/sessions body: its settings, or a clear refusal naming the field. */
export function parseCreate(served: ServedGame, body: Record<string, unknown>): SessionSettings {
  const req = body as Partial<CreateSessionRequest>;
  const scenario = typeof req.scenario === 'string' ? req.scenario : '';
  if (!Object.hasOwn(served.scenarios, scenario)) throw new HttpError(400, 'unknown scenario');
  let tableCount: number | null = null;
  if (req.tables !== undefined) {
    if (
      !Number.isInteger(req.tables) ||
      (req.tables as number) < 1 ||
      (req.tables as number) > MAX_TABLES
    )
      throw new HttpError(400, `tables must be a whole number from 1 to ${MAX_TABLES}`);
    tableCount = req.tables as number;
  }
  const p = (req.policy ?? {}) as Partial<SeatPolicy>;
  if (typeof p !== 'object') throw new HttpError(400, 'policy must be an object');
  const teamSize = p.teamSize ?? 1;
  if (teamSize !== 1 && teamSize !== 2 && teamSize !== 3)
    throw new HttpError(400, 'policy.teamSize must be 1, 2 or 3');
  if (p.observers !== undefined && typeof p.observers !== 'boolean')
    throw new HttpError(400, 'policy.observers must be true or false');
  const botLevel = p.botLevel ?? 'heuristic';
  if (!isBotLevel(botLevel)) throw new HttpError(400, 'policy.botLevel is not a bot level');
  const defaults = req.defaults ?? 'bot';
  if (defaults !== 'bot' && defaults !== 'hold')
    throw new HttpError(400, 'defaults must be bot or hold');
  const roundSeconds =
    req.roundSeconds === undefined || req.roundSeconds === null
      ? null
      : secondsIn(req.roundSeconds, 'roundSeconds');
  return {
    scenario,
    tableCount,
    policy: { teamSize, observers: p.observers ?? true, botLevel },
    defaults,
    roundSeconds,
  };
}
