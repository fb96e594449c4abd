import type { State } from 'boardgame.io';
import { matchHintQuery, PATCHES_QUERY } from '../../src/protocol';
import type { PatchOp } from '../../src/server/net/json-patch';
import { applyOps } from './apply-patch';
import type { Seat, Target } from './targets';
import { WireSocket } from './wire';

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
  /** Why frames were refused: the error, and how often. */
  refusals: Record<string, number>;
  /** Patches a client could not apply (it then re-synced, as boardgame.io's client does). */
  resyncs: number;
  /** Sockets that closed or failed to connect and were opened again. */
  reconnects: number;
}

/** When counting starts, and what to do when it starts and ends (e.g. read CPU counters). */
export interface LoadWindow {
  warmUpMs?: number;
  onStart?: () => void;
  onEnd?: () => void;
}

interface Pending {
  stateID: number;
  t0: number;
  seen: Set<string>;
}

/** What all matches of one run share: the pace, the tallies, and whether to go on. */
interface Run {
  url: string;
  target: Target;
  /** ms between one match's moves (0 = as soon as the last one landed). */
  interval: number;
  latencies: number[];
  moves: number;
  rejected: number;
  refusals: Record<string, number>;
  resyncs: number;
  /** Sockets that closed or failed to connect and were opened again. */
  reconnects: number;
  running: boolean;
  /** Every match with sockets open, playing or ready to. */
  open: Set<ScriptedMatch>;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * One match on the server, one socket per seat, each keeping its seat's state as a
 * boardgame.io client does (whole states, or patches applied to the state it holds).
 * `ready` resolves once every seat holds the state; `play()` then makes the moves, one at a
 * time, and resolves when the game is over or the run stops.
 */
class ScriptedMatch {
  readonly ready: Promise<void>;
  private readonly latest = new Map<string, State>();
  private readonly sockets = new Map<string, WireSocket>();
  private pending: Pending | null = null;
  private playing = false;
  private done = false;
  private nextAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private markReady: () => void = () => {};
  private finished: () => void = () => {};

  constructor(
    private readonly run: Run,
    private readonly matchID: string,
    private readonly seats: Seat[],
  ) {
    this.ready = new Promise((ok) => (this.markReady = ok));
    run.open.add(this);
    for (const seat of seats) this.connect(seat);
  }

  /** Plays until the game ends (or the run stops). */
  play(): Promise<void> {
    this.playing = true;
    this.nextAt = performance.now() + Math.random() * this.run.interval;
    const over = new Promise<void>((ok) => (this.finished = ok));
    this.tryMove();
    return over;
  }

  close(): void {
    this.done = true;
    this.run.open.delete(this);
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.sockets.values()) s.close();
    this.markReady(); // a match closed while opening is not waited for
    this.finished();
  }

  private connect(seat: Seat): void {
    const { run, matchID } = this;
    const sync = () =>
      socket.emit('sync', matchID, seat.playerID, seat.credentials, this.seats.length);
    // Ask for boardgame.io patch frames where the server offers them (servers that do not ignore
    // it), and name the match as the app does (behind nginx: every seat on the match's process).
    const socket = new WireSocket(run.url, `/${run.target.gameName}`, {
      ...PATCHES_QUERY,
      ...matchHintQuery(matchID),
    });
    this.sockets.set(seat.playerID, socket);
    socket.on('connect', sync);
    socket.on('update', (_m: string, state: State) => this.onState(seat.playerID, state));
    socket.on('sync', (_m: string, info: { state: State }) =>
      this.onState(seat.playerID, info.state),
    );
    // Like boardgame.io's client: apply to the state held if it is the patch's base, else re-sync.
    socket.on('patch', (_m: string, prevStateID: number, stateID: number, ops: PatchOp[]) => {
      const held = this.latest.get(seat.playerID);
      const failed =
        !held || held._stateID !== prevStateID || !applyOps(held, ops) || held._stateID !== stateID;
      if (failed) {
        run.resyncs++;
        this.latest.delete(seat.playerID);
        sync();
        return;
      }
      this.latest.delete(seat.playerID); // onState ignores a state whose stateID it already holds
      this.onState(seat.playerID, held);
    });
    socket.on('chokepoint:error', (frame: { event?: string; error?: string } | undefined) => {
      run.rejected++;
      const why = `${frame?.event}: ${frame?.error}`;
      run.refusals[why] = (run.refusals[why] ?? 0) + 1;
      if (this.done) return;
      // Refused (several processes: the match was held by another one too long): do what a
      // player's client does, sync again, and go on from the state it then holds.
      setTimeout(() => {
        if (this.done) return;
        if (frame?.event === 'sync') return sync();
        this.pending = null;
        this.tryMove();
      }, 50);
    });
    // A socket that could not connect (a process busy or restarting behind nginx): a new one.
    const retry = () => {
      if (this.done || this.sockets.get(seat.playerID) !== socket) return;
      run.reconnects++;
      setTimeout(() => {
        if (!this.done && this.sockets.get(seat.playerID) === socket) this.connect(seat);
      }, 100);
    };
    socket.on('connect_error', retry);
    socket.on('disconnect', retry);
  }

  private onState(playerID: string, state: State): void {
    const prev = this.latest.get(playerID);
    if (prev && prev._stateID >= state._stateID) return;
    this.latest.set(playerID, state);
    if (this.latest.size === this.seats.length) this.markReady();
    const pending = this.pending;
    if (pending && state._stateID >= pending.stateID) {
      pending.seen.add(playerID);
      if (pending.seen.size === this.seats.length) {
        this.run.latencies.push(performance.now() - pending.t0);
        this.run.moves++;
        this.pending = null;
      }
    }
    if (state.ctx.gameover !== undefined && this.playing) return this.close();
    this.tryMove();
  }

  private tryMove(): void {
    const { run } = this;
    if (!this.playing || this.pending || !run.running || this.timer) return;
    const wait = this.nextAt - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.tryMove();
      }, wait);
      return;
    }
    for (const seat of this.seats) {
      const state = this.latest.get(seat.playerID);
      if (!state || !isActive(state, seat.playerID)) continue;
      const choice = run.target.chooseMove(
        state,
        seat.playerID,
        `${this.matchID}:${state._stateID}`,
      );
      if (!choice) continue;
      const t0 = performance.now();
      this.pending = { stateID: state._stateID + 1, t0, seen: new Set() };
      this.nextAt = Math.max(this.nextAt + run.interval, t0);
      const action = {
        type: 'MAKE_MOVE',
        payload: {
          type: choice.move,
          args: choice.args,
          playerID: seat.playerID,
          credentials: seat.credentials,
        },
      };
      const socket = this.sockets.get(seat.playerID);
      socket?.emit('update', action, state._stateID, this.matchID, seat.playerID);
      return;
    }
  }
}

async function openMatch(run: Run): Promise<ScriptedMatch> {
  const { matchID, seats } = await run.target.createMatch(run.url);
  const match = new ScriptedMatch(run, matchID, seats);
  await match.ready;
  return match;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * One of the concurrent matches, game after game. The first game starts after `delayMs`, so
 * that the matches are spread over the course of a game, as in a lobby that has been running
 * a while (started together, identical scripted games would all end, and all be replaced, in
 * the same moment). The next game is created, joined and synced while this one plays.
 */
async function playSlot(run: Run, first: ScriptedMatch, delayMs: number): Promise<void> {
  await sleep(delayMs);
  let current = first;
  while (run.running) {
    const next = openMatch(run);
    await current.play();
    current = await next;
  }
  current.close();
}

/**
 * Drives `matches` concurrent matches on a server with scripted socket.io
 * clients (boardgame.io's protocol, one socket per seat) for `durationMs`.
 * Latency is from sending a move to the moment every seat of that match has
 * received the resulting state. Finished matches are replaced by new ones.
 * With `offered` > 0 each match paces its moves so that all together offer
 * that many moves per second (a move waits for the previous one to land);
 * with 0 the loop is closed and measures the server's ceiling, where by
 * Little's law latency = matches / throughput. Counting starts once every match is playing,
 * and `warmUpMs` later (code the JIT has not compiled yet is slow).
 */
export async function runLoad(
  url: string,
  target: Target,
  matches: number,
  durationMs: number,
  offered = 0,
  window: LoadWindow = {},
): Promise<LoadResult> {
  const { warmUpMs = 2000, onStart, onEnd } = window;
  const run: Run = {
    url,
    target,
    interval: offered > 0 ? (1000 * matches) / offered : 0,
    latencies: [],
    moves: 0,
    rejected: 0,
    refusals: {},
    resyncs: 0,
    reconnects: 0,
    running: true,
    open: new Set(),
  };
  target.warmUp?.();
  const firsts = await Promise.all(Array.from({ length: matches }, () => openMatch(run)));
  // Matches start spread over one game's length (paced) and are all playing by the window.
  const spread =
    run.interval > 0 ? Math.min(10_000, (target.gameLength?.() ?? 0) * run.interval) : 0;
  const slots = firsts.map((m) => playSlot(run, m, Math.random() * spread));
  await sleep(spread + warmUpMs);
  onStart?.();
  const start = performance.now();
  const startMoves = run.moves;
  run.latencies.length = 0;
  await sleep(durationMs);
  const seconds = (performance.now() - start) / 1000;
  const counted = run.moves - startMoves;
  onEnd?.();
  const sorted = [...run.latencies].sort((a, b) => a - b);
  run.running = false;
  for (const m of [...run.open]) m.close();
  await Promise.all(slots);
  for (const m of [...run.open]) m.close(); // any that were still being opened
  return {
    label: target.label,
    matches,
    offered,
    moves: counted,
    seconds,
    movesPerSecond: counted / seconds,
    p50ms: percentile(sorted, 50),
    p99ms: percentile(sorted, 99),
    rejected: run.rejected,
    refusals: run.refusals,
    resyncs: run.resyncs,
    reconnects: run.reconnects,
  };
}

/** A seat may act: every seat while all are active (Chokepoint's planning), else the current player. */
const isActive = (state: State, playerID: string): boolean =>
  state.ctx.activePlayers
    ? playerID in state.ctx.activePlayers
    : state.ctx.currentPlayer === playerID;
