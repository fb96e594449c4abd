import type { State } from 'boardgame.io';
import { chooseBotMove } from '../../../game/bots';
import { seatId } from '../../../game/ids';
import type { GameState } from '../../../game/state';

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
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Our server: create through /api/matches, join every seat. */
function ours(label: string, gameName: string, scenario: string, seats: number, chooseMove: Target['chooseMove']): Target {
  return {
    label, gameName, chooseMove,
    async createMatch(url) {
      const created = await post(`${url}/api/matches`, { scenario, seats: Array.from({ length: seats }, () => ({ kind: 'person' })) });
      const matchID = created.matchID as string;
      const out: Seat[] = [];
      for (let i = 0; i < seats; i++) {
        const j = await post(`${url}/api/matches/${matchID}/join`, { seat: String(i), name: `bench${i}` });
        out.push({ playerID: String(i), credentials: j.credentials as string });
      }
      return { matchID, seats: out };
    },
  };
}

const chokepointMove: Target['chooseMove'] = (view, playerID, seed) => {
  const c = chooseBotMove(view.G as GameState, seatId(playerID), 'random', seed);
  return { move: c.move, args: [c.args] };
};
const minimalMove: Target['chooseMove'] = () => ({ move: 'inc', args: [] });

export const OURS_CHOKEPOINT = ours('hardened server, Chokepoint (classroom)', 'chokepoint', 'classroom', 4, chokepointMove);
export const OURS_MINIMAL = ours('hardened server, minimal game', 'minimal', 'duel', 2, minimalMove);

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
      const j = await post(`${url}/games/minimal/${matchID}/join`, { playerID, playerName: `p${playerID}` });
      seats.push({ playerID, credentials: j.playerCredentials as string });
    }
    return { matchID, seats };
  },
};
