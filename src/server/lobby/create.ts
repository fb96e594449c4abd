import { InitializeGame } from 'boardgame.io/internal';
import type { Authority } from '../authority/authority';
import { hashSecret, newJoinCode, newMatchID, newToken } from '../security/secrets';
import { BOT_LEVELS, isBotLevel, type MatchInfo } from '../../protocol';
import { StorageError, type MatchMetadata, type SeatRecord } from '../storage/types';
import { HttpError, str } from './http';

export interface Created {
  matchID: string;
  joinCode: string;
  creatorToken: string;
  metadata: MatchMetadata;
}

function parseSeats(
  raw: unknown,
  scenarioSeats: { id: string; role: string; name: string }[],
): SeatRecord[] {
  // The facilitator seats may be left out (one spec per playing seat): they stay open.
  const playing = scenarioSeats.filter((s) => s.role !== 'facilitator').length;
  const short = Array.isArray(raw) && raw.length === playing && playing < scenarioSeats.length;
  if (
    raw !== undefined &&
    (!Array.isArray(raw) || (raw.length !== scenarioSeats.length && !short))
  ) {
    throw new HttpError(
      400,
      `seats must be an array of ${scenarioSeats.length} entries (or ${playing}, the facilitator left out)`,
    );
  }
  let next = 0;
  return scenarioSeats.map((s, i) => {
    const spec: unknown = !Array.isArray(raw)
      ? { kind: 'person' }
      : !short
        ? raw[i]
        : s.role === 'facilitator'
          ? { kind: 'open' }
          : raw[next++];
    if (typeof spec !== 'object' || spec === null)
      throw new HttpError(400, `seats[${i}] must be an object`);
    const { kind, level } = spec as { kind?: unknown; level?: unknown };
    const seat: SeatRecord = { id: String(i), role: s.role, label: s.name, kind: 'open' };
    if (kind === 'bot') {
      const botLevel = level ?? 'heuristic';
      if (!isBotLevel(botLevel))
        throw new HttpError(400, `seats[${i}].level must be ${BOT_LEVELS.join(' or ')}`);
      return { ...seat, kind: 'bot', botLevel };
    }
    if (kind !== 'person' && kind !== 'open')
      throw new HttpError(400, `seats[${i}].kind must be person or bot`);
    return seat;
  });
}

/** Creates a match from a lobby request body: {scenario, seats?, visibility?, seed?}. */
export async function createMatch(
  authority: Authority,
  body: Record<string, unknown>,
): Promise<Created> {
  const { served } = authority;
  const scenarioID = str(body, 'scenario') ?? '';
  const scenario = Object.hasOwn(served.scenarios, scenarioID)
    ? served.scenarios[scenarioID]
    : undefined;
  if (!scenario) throw new HttpError(400, 'unknown scenario');
  const visibility = body.visibility ?? 'public';
  if (visibility !== 'public' && visibility !== 'private')
    throw new HttpError(400, 'visibility must be public or private');
  // The seed decides every card and roll: the server draws it from a cryptographic source. A
  // creator may fix it only for a match that says so to every seat (fixedSeed, a rerun).
  const fixedSeed = body.fixedSeed === true;
  if (body.fixedSeed !== undefined && typeof body.fixedSeed !== 'boolean')
    throw new HttpError(400, 'fixedSeed must be true or false');
  const chosen = str(body, 'seed');
  if (chosen !== undefined && !fixedSeed)
    throw new HttpError(400, 'a chosen seed needs fixedSeed: true (every seat is told)');
  if (fixedSeed && chosen === undefined)
    throw new HttpError(400, 'fixedSeed needs the seed to replay');
  const seed = chosen ?? newToken(24);
  const seats = parseSeats(body.seats, scenario.seats);
  const setupData = served.setupData(scenario.id, seed);
  const numPlayers = seats.length;
  if (served.game.validateSetupData?.(setupData, numPlayers) !== undefined)
    throw new HttpError(400, 'invalid setup');
  // boardgame.io's own random plugin would seed itself from the clock: give it a secret seed too.
  const game = { ...served.game, seed: fixedSeed ? `${seed}:random` : newToken(24) };
  const initialState = InitializeGame({ game, numPlayers, setupData });
  const creatorToken = newToken();
  const now = Date.now();
  for (let attempt = 0; ; attempt++) {
    const matchID = newMatchID();
    const metadata: MatchMetadata = {
      gameName: served.game.name ?? 'game',
      scenario: scenario.id,
      setupData,
      visibility,
      joinCode: newJoinCode(),
      creator: hashSecret(creatorToken),
      paused: false,
      seats,
      createdAt: now,
      updatedAt: now,
      ...(fixedSeed ? { fixedSeed: true } : {}),
    };
    try {
      await authority.create(matchID, initialState, metadata);
      return { matchID, joinCode: metadata.joinCode, creatorToken, metadata };
    } catch (e) {
      if (!(e instanceof StorageError && e.code === 'join-code-taken') || attempt > 5) throw e;
    }
  }
}

/** What anyone may know about a match: no credentials, no creator hash, no setup secrets; the code only if public. */
export function publicMatch(matchID: string, m: MatchMetadata): MatchInfo {
  return {
    matchID,
    scenario: m.scenario,
    visibility: m.visibility,
    ...(m.visibility === 'public' ? { joinCode: m.joinCode } : {}),
    paused: m.paused,
    gameover: m.gameover ?? null,
    fixedSeed: m.fixedSeed === true,
    createdAt: m.createdAt,
    seats: m.seats.map((s) => ({
      id: s.id,
      role: s.role,
      label: s.label,
      kind: s.kind,
      ...(s.name !== undefined ? { name: s.name } : {}),
      ...(s.botLevel ? { botLevel: s.botLevel } : {}),
    })),
  };
}
