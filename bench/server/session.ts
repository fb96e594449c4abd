/**
 * A class under load: one session of 30 tables, 120 scripted students over sockets (every seat
 * of every classroom table), each planning its seat's round with the engine's bot from only its
 * own view and submitting it, while a facilitator's console watches. Measured: how long after a
 * student's submission is acknowledged the console shows it (that table's seat submitted, or
 * its round moved on), at the median and the 99th percentile. The server runs in its own
 * process (server-entry.ts), as in the other server stages.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import type { State } from 'boardgame.io';
import type { GameState } from '../../game/state';
import type {
  ConsoleSnapshot,
  JoinSessionReply,
  SessionCreated,
  StudentSnapshot,
} from '../../src/protocol';
import { planChokepointBot } from '../../src/server/served/chokepoint';

export interface SessionBenchOptions {
  tables?: number;
  /** Rounds each table plays. */
  rounds?: number;
  log?: (line: string) => void;
}

export interface SessionBenchReport {
  students: number;
  tables: number;
  submissions: number;
  /** Submissions no console frame ever showed (counted as infinitely late). */
  unseen: number;
  consoleFrames: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  wallSeconds: number;
  targetP99ms: number;
}

const entry = fileURLToPath(new URL('./server-entry.ts', import.meta.url));

function startServer(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'ours-chokepoint', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m?.[1]) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`bench server exited ${code}`)));
  });
  return { child, url };
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** One student's match socket: syncs its seat, plans each round with the bot, submits. */
class Student {
  socket: Socket;
  state: State | null = null;
  busy = false;
  constructor(
    base: string,
    readonly matchID: string,
    readonly seat: string,
    readonly credentials: string,
    readonly table: number,
    readonly onSubmitted: (table: number, seat: string, round: number, at: number) => void,
  ) {
    this.socket = connect(base + '/chokepoint', { transports: ['websocket'], forceNew: true });
    this.socket.on('sync', (_id: string, info: { state: State }) => this.take(info.state));
    this.socket.on('update', (_id: string, state: State) => this.take(state));
  }

  async start(): Promise<void> {
    if (!this.socket.connected)
      await new Promise<void>((ok) => this.socket.once('connect', () => ok()));
    await this.socket.emitWithAck('sync', this.matchID, this.seat, this.credentials, 4);
  }

  private take(state: State): void {
    if (!this.state || state._stateID >= this.state._stateID) this.state = state;
    void this.play();
  }

  private async play(): Promise<void> {
    const G = this.state?.G as GameState | undefined;
    if (this.busy || !G || G.over || G.plans[this.seat]?.submitted) return;
    this.busy = true;
    try {
      const round = G.round;
      const moves = planChokepointBot(this.state!, this.seat, 'random', `${this.matchID}:${round}`);
      for (const m of moves) {
        const reply = (await this.socket.emitWithAck(
          'update',
          { type: 'MAKE_MOVE', payload: { type: m.move, args: m.args, playerID: this.seat } },
          this.state!._stateID,
          this.matchID,
          this.seat,
        )) as { ok: boolean; stateID?: number };
        if (reply.ok && m.move === 'submit')
          this.onSubmitted(this.table, this.seat, round, Date.now());
        // Stale: the next update plans again. A refused order is left out; the rest goes in.
        if (!reply.ok && (reply as { error?: string }).error === 'stale stateID') break;
        // The next move goes on the state this one made (its update may still be on its way).
        if (reply.stateID !== undefined && this.state && this.state._stateID < reply.stateID)
          this.state = { ...this.state, _stateID: reply.stateID };
      }
    } catch {
      return; // the socket closed at the end of the run
    } finally {
      this.busy = false;
    }
    const again = this.state?.G as GameState | undefined;
    if (again && !again.over && !again.plans[this.seat]?.submitted)
      setTimeout(() => void this.play(), 20);
  }
}

export async function runSessionBench(opts: SessionBenchOptions = {}): Promise<SessionBenchReport> {
  const tables = opts.tables ?? 30;
  const rounds = opts.rounds ?? 3;
  const log = opts.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-session-bench-'));
  const server = startServer(dir);
  const students: Student[] = [];
  let facilitator: Socket | undefined;
  try {
    const base = await server.url;
    const t0 = Date.now();
    const session = await post<SessionCreated>(`${base}/api/sessions`, {
      scenario: 'classroom',
      tables,
      policy: { teamSize: 1, observers: false },
    });
    const people: JoinSessionReply[] = [];
    for (let i = 0; i < tables * 4; i++)
      people.push(await post(`${base}/api/sessions/join`, { code: session.code, name: `S${i}` }));
    log(`${people.length} students joined`);

    // The console: every snapshot, when it arrived.
    const frames: { at: number; c: ConsoleSnapshot }[] = [];
    facilitator = connect(base + '/session', { transports: ['websocket'], forceNew: true });
    facilitator.on('session:console', (c: ConsoleSnapshot) => frames.push({ at: Date.now(), c }));
    await facilitator.timeout(10_000).emitWithAck('session:watch', {
      sessionID: session.sessionID,
      token: session.facilitatorToken,
    });
    log('console watching');
    const run = (kind: string) =>
      post(`${base}/api/sessions/${session.sessionID}/command`, { kind }, session.facilitatorToken);
    await run('autoAssign');
    await run('start');
    log('started');

    // Each submission waits for the first console frame after it that shows it.
    const pending: { table: number; seat: string; round: number; at: number }[] = [];
    const latencies: number[] = [];
    const shown = (f: ConsoleSnapshot, p: (typeof pending)[number]) => {
      const t = f.tables[p.table];
      if (!t?.figures) return false;
      return (
        t.figures.round > p.round ||
        t.figures.over ||
        !!t.seats.find((s) => s.id === p.seat)?.submitted
      );
    };
    const onSubmitted = (table: number, seat: string, round: number, at: number) =>
      pending.push({ table, seat, round, at });

    for (const p of people) {
      const me = (await (
        await fetch(`${base}/api/sessions/${session.sessionID}/me`, {
          headers: { authorization: `Bearer ${p.token}` },
        })
      ).json()) as StudentSnapshot;
      const play = me.play!;
      students.push(
        new Student(
          base,
          play.matchID,
          play.playerID!,
          play.credentials!,
          me.assignment!.table,
          onSubmitted,
        ),
      );
    }
    await Promise.all(students.map((s) => s.start()));
    log(`${students.length} student sockets synced; playing ${rounds} rounds at every table`);

    const done = () =>
      students.every((s) => {
        const G = s.state?.G as GameState | undefined;
        return !!G && (G.over || G.round > rounds);
      });
    const deadline = Date.now() + 300_000;
    while (!done() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of pending.filter((x) => x.round <= rounds)) {
      const f = frames.find((x) => x.at >= p.at && shown(x.c, p));
      if (f) {
        latencies.push(f.at - p.at);
      } else latencies.push(Infinity);
    }
    return {
      students: students.length,
      tables,
      submissions: pending.filter((x) => x.round <= rounds).length,
      unseen: latencies.filter((x) => x === Infinity).length,
      consoleFrames: frames.length,
      p50ms: quantile(latencies, 0.5),
      p99ms: quantile(latencies, 0.99),
      maxMs: quantile(latencies, 1),
      wallSeconds: (Date.now() - t0) / 1000,
      targetP99ms: 1000,
    };
  } finally {
    for (const s of students) s.socket.close();
    facilitator?.close();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    rmSync(dir, { recursive: true, force: true });
  }
}
