import { io, type Socket } from 'socket.io-client';
import type { State } from 'boardgame.io';
import { applyPatch, type Operation } from 'rfc6902';
import type { Target } from './targets';

export interface LoadResult {
  label: string;
  matches: number;
  /** Moves per second offered (all matches together); 0 = closed loop, as fast as the server answers. */
  offered: number;
  moves: number;
  seconds: number;
  movesPerSecond: number;
  p50ms: number;
  p99ms: number;
  rejected: number;
  /** Patches a client could not apply (it then re-synced, as boardgame.io's client does). */
  resyncs: number;
}

interface Pending {
  stateID: number;
  t0: number;
  seen: Set<string>;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Drives `matches` concurrent matches on a server with scripted socket.io
 * clients (boardgame.io's protocol, one socket per seat) for `durationMs`.
 * Latency is from sending a move to the moment every seat of that match has
 * received the resulting state. Finished matches are replaced by new ones.
 * With `offered` > 0 each match paces its moves so that all together offer
 * that many moves per second (a move waits for the previous one to land);
 * with 0 the loop is closed and measures the server's ceiling, where by
 * Little's law latency = matches / throughput.
 */
export async function runLoad(
  url: string,
  target: Target,
  matches: number,
  durationMs: number,
  offered = 0,
): Promise<LoadResult> {
  const interval = offered > 0 ? (1000 * matches) / offered : 0;
  const latencies: number[] = [];
  let moves = 0;
  let rejected = 0;
  let resyncs = 0;
  let running = true;
  const sockets = new Set<Socket>();

  async function playMatch(slot: number, generation: number): Promise<void> {
    const { matchID, seats } = await target.createMatch(url);
    let pending: Pending | null = null;
    let done = false;
    const mine: Socket[] = [];
    const finish = () => {
      if (done) return;
      done = true;
      mine.forEach((s) => (s.close(), sockets.delete(s)));
      if (running) void playMatch(slot, generation + 1);
    };
    const latest = new Map<string, State>();
    const bySeat = new Map<string, Socket>();
    let nextAt = performance.now() + Math.random() * interval;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tryMove = (): void => {
      if (pending || !running || done || timer) return;
      const wait = nextAt - performance.now();
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = null;
          tryMove();
        }, wait);
        return;
      }
      for (const seat of seats) {
        const state = latest.get(seat.playerID);
        if (!state || state.ctx.currentPlayer !== seat.playerID) continue;
        const choice = target.chooseMove(state, seat.playerID, `${matchID}:${state._stateID}`);
        if (!choice) return;
        pending = { stateID: state._stateID + 1, t0: performance.now(), seen: new Set() };
        nextAt = Math.max(nextAt + interval, pending.t0);
        const action = {
          type: 'MAKE_MOVE',
          payload: {
            type: choice.move,
            args: choice.args,
            playerID: seat.playerID,
            credentials: seat.credentials,
          },
        };
        bySeat.get(seat.playerID)?.emit('update', action, state._stateID, matchID, seat.playerID);
        return;
      }
    };
    const onState = (playerID: string, state: State): void => {
      const prev = latest.get(playerID);
      if (prev && prev._stateID >= state._stateID) return;
      latest.set(playerID, state);
      if (pending && state._stateID >= pending.stateID) {
        pending.seen.add(playerID);
        if (pending.seen.size === seats.length) {
          latencies.push(performance.now() - pending.t0);
          moves++;
          pending = null;
        }
      }
      if (state.ctx.gameover !== undefined) return finish();
      tryMove();
    };
    for (const seat of seats) {
      const socket = io(`${url}/${target.gameName}`, {
        // Ask for boardgame.io patch frames where the server offers them (servers that do not ignore it).
        query: { patches: '1' },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      mine.push(socket);
      sockets.add(socket);
      bySeat.set(seat.playerID, socket);
      socket.on('update', (_m: string, state: State) => onState(seat.playerID, state));
      socket.on('sync', (_m: string, info: { state: State }) => onState(seat.playerID, info.state));
      // Like boardgame.io's client: apply to the state held if it is the patch's base, else re-sync.
      socket.on('patch', (_m: string, prevStateID: number, stateID: number, ops: Operation[]) => {
        const held = latest.get(seat.playerID);
        const failed =
          !held ||
          held._stateID !== prevStateID ||
          applyPatch(held, ops).some((e) => e !== null) ||
          held._stateID !== stateID;
        if (failed) {
          resyncs++;
          latest.delete(seat.playerID);
          socket.emit('sync', matchID, seat.playerID, seat.credentials, seats.length);
          return;
        }
        latest.delete(seat.playerID); // onState ignores a state whose stateID it already holds
        onState(seat.playerID, held);
      });
      socket.on('chokepoint:error', () => {
        rejected++;
        pending = null;
      });
      socket.on('connect', () =>
        socket.emit('sync', matchID, seat.playerID, seat.credentials, seats.length),
      );
    }
  }

  await Promise.all(Array.from({ length: matches }, (_, i) => playMatch(i, 0)));
  const start = performance.now();
  const startMoves = moves;
  latencies.length = 0;
  await new Promise((r) => setTimeout(r, durationMs));
  running = false;
  const seconds = (performance.now() - start) / 1000;
  const counted = moves - startMoves;
  for (const s of sockets) s.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label: target.label,
    matches,
    offered,
    moves: counted,
    seconds,
    movesPerSecond: counted / seconds,
    p50ms: percentile(sorted, 50),
    p99ms: percentile(sorted, 99),
    rejected,
    resyncs,
  };
}
