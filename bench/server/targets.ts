import { request } from 'node:http';
import type { State } from 'boardgame.io';
import { chokepointScript, type ScriptedMove } from './script';

export interface Seat {
  playerID: string;
  credentials: string;
}

/** What the load harness needs to know about one server under test. */
export interface Target {
  label: string;
  gameName: string;
  createMatch(url: string): Promise<{ matchID: string; seats: Seat[] }>;
  chooseMove(view: State, playerID: string, seed: string): { move: string; args: unknown[] } | null;
  /** Work to do once before any match starts (not while moves are being timed). */
  warmUp?(): void;
  /** Moves in one game, where every game is the same length (none: games never end). */
  gameLength?(): number;
}

/**
 * POSTs JSON and reads the JSON reply (node:http: fetch costs the harness several times more
 * CPU). A 503 (several processes: the match was held by another one for too long, nothing
 * changed) is tried again, as a browser's lobby client would be by its user.
 */
async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOnce(url, body);
    } catch (e) {
      if (attempt >= 5 || !(e instanceof Error) || !/: 503 /.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

function postOnce(url: string, body: unknown): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) reject(new Error(`${url}: ${status} ${text}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Our server: create through /api/matches, join every seat. */
function ours(
  label: string,
  gameName: string,
  scenario: string,
  seats: number,
  chooseMove: Target['chooseMove'],
  seed?: string,
  warmUp?: () => void,
  gameLength?: () => number,
): Target {
  return {
    label,
    gameName,
    chooseMove,
    ...(warmUp ? { warmUp } : {}),
    ...(gameLength ? { gameLength } : {}),
    async createMatch(url) {
      const seatSpecs = Array.from({ length: seats }, () => ({ kind: 'person' }));
      const created = await post(`${url}/api/matches`, {
        scenario,
        seats: seatSpecs,
        ...(seed ? { seed, fixedSeed: true } : {}),
      });
      const matchID = created.matchID as string;
      const out: Seat[] = [];
      for (let i = 0; i < seats; i++) {
        const j = await post(`${url}/api/matches/${matchID}/join`, {
          seat: String(i),
          name: `bench${i}`,
        });
        out.push({ playerID: String(i), credentials: j.credentials as string });
      }
      return { matchID, seats: out };
    },
  };
}

const BENCH_SEED = 'bench';
let script: Map<number, ScriptedMove> | undefined;
const loadScript = (): Map<number, ScriptedMove> =>
  (script ??= chokepointScript('classroom', BENCH_SEED));
/** Replays a pre-played game (see script.ts) so that clients cost almost nothing. */
const chokepointMove: Target['chooseMove'] = (view, playerID) => {
  const step = loadScript().get(view._stateID);
  return step && step.seat === playerID ? { move: step.move, args: step.args } : null;
};
const minimalMove: Target['chooseMove'] = () => ({ move: 'inc', args: [] });

export const OURS_CHOKEPOINT = ours(
  'hardened server, Chokepoint (classroom)',
  'chokepoint',
  'classroom',
  4,
  chokepointMove,
  BENCH_SEED,
  loadScript,
  () => loadScript().size,
);
export const OURS_MINIMAL = ours(
  'hardened server, minimal game',
  'minimal',
  'duel',
  2,
  minimalMove,
);

/** Stock boardgame.io 0.50.2 Server + Lobby API, minimal game, in-memory storage. */
export const STOCK_MINIMAL: Target = {
  label: 'stock boardgame.io server, minimal game',
  gameName: 'minimal',
  chooseMove: minimalMove,
  async createMatch(url) {
    const created = await post(`${url}/games/minimal/create`, { numPlayers: 2 });
    const matchID = created.matchID as string;
    const seats: Seat[] = [];
    for (const playerID of ['0', '1']) {
      const j = await post(`${url}/games/minimal/${matchID}/join`, {
        playerID,
        playerName: `p${playerID}`,
      });
      seats.push({ playerID, credentials: j.playerCredentials as string });
    }
    return { matchID, seats };
  },
};
