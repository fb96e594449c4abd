import { HttpError } from '../lobby/http';
import type { ServedGame } from '../served/served-game';
import type { SessionRecord } from '../storage/types';
import { isBotLevel, type CreateSessionRequest, type SeatPolicy } from '../../protocol';
import { MAX_TABLES } from './roster';
import { secondsIn } from './timers';

/** A new session's settings, as the facilitator asked for them. */
export type SessionSettings = Pick<
  SessionRecord,
  'scenario' | 'tableScenarios' | 'tableCount' | 'policy' | 'defaults' | 'roundSeconds'
>;

const scenarioNames = (served: ServedGame): string => Object.keys(served.scenarios).join(', ');

/**
 * `tableScenarios`: one known scenario per table, or a refusal that names the entry at fault.
 * Undefined when not given.
 */
function parseTableScenarios(served: ServedGame, v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length < 1 || v.length > MAX_TABLES)
    throw new HttpError(
      400,
      `tableScenarios must be a list of 1 to ${MAX_TABLES} scenarios, one per table`,
    );
  return v.map((x: unknown, i) => {
    if (typeof x !== 'string' || !Object.hasOwn(served.scenarios, x))
      throw new HttpError(
        400,
        `tableScenarios[${i}] (table ${i + 1}): ${typeof x === 'string' ? `unknown scenario "${x.slice(0, 40)}"` : 'must be a scenario id'}; the scenarios are ${scenarioNames(served)}`,
      );
    return x;
  });
}

/** Checks a POST /api/sessions body: its settings, or a clear refusal naming the field. */
export function parseCreate(served: ServedGame, body: Record<string, unknown>): SessionSettings {
  const req = body as Partial<CreateSessionRequest>;
  const tableScenarios = parseTableScenarios(served, req.tableScenarios);
  const scenario = typeof req.scenario === 'string' ? req.scenario : (tableScenarios?.[0] ?? '');
  if (!Object.hasOwn(served.scenarios, scenario)) throw new HttpError(400, 'unknown scenario');
  let tableCount: number | null = tableScenarios?.length ?? null;
  if (req.tables !== undefined) {
    if (
      !Number.isInteger(req.tables) ||
      (req.tables as number) < 1 ||
      (req.tables as number) > MAX_TABLES
    )
      throw new HttpError(400, `tables must be a whole number from 1 to ${MAX_TABLES}`);
    if (tableScenarios && tableScenarios.length !== req.tables)
      throw new HttpError(
        400,
        `tables is ${req.tables as number} but tableScenarios names ${tableScenarios.length}: give one scenario per table`,
      );
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
    ...(tableScenarios ? { tableScenarios } : {}),
    tableCount,
    policy: { teamSize, observers: p.observers ?? true, botLevel },
    defaults,
    roundSeconds,
  };
}
