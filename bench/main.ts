// boardgame.io and immer choose their build when loaded: measure the production ones.
import '../src/server/production-env';
import { spawnSync } from 'node:child_process';
import { benchBoard } from './board';
import { runNetworkBench } from './server';
import { runClusterBench, servicesUp } from './server/cluster';
import { runSoak } from './server/soak';
import { runSessionBench } from './server/session';
import { benchEngine, benchSizes, benchUpdate, type Sizes } from './engine';
import { SCENARIO_IDS } from '../game/engine';
import { benchReplay } from './replay';

/**
 * `npm run bench`: prints the figures the project's targets are stated in, each beside its
 * target. Nothing here fails a build; `--only engine,sim,board,server` picks sections.
 */

const line = (label: string, value: string, target = ''): void =>
  console.log(
    `  ${label.padEnd(50)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`,
  );

function engineSection(): void {
  console.log('\nRules engine (classroom, heuristic bots in every seat)');
  const b = benchEngine('classroom', 400, 40);
  const perSec = (n: number, ms: number) => ((n * 1000) / ms).toFixed(0);
  line('direct: games per second, one core', perSec(b.games, b.directMs));
  line('direct: moves per second, one core', perSec(b.moves, b.directMs));
  line('boardgame.io reducer: games per second', perSec(b.boardgameIoGames, b.boardgameIoMs));
  line('boardgame.io reducer: moves per second', perSec(b.boardgameIoMoves, b.boardgameIoMs));
  const ratio = b.boardgameIoMs / b.boardgameIoMoves / (b.directMs / b.moves);
  line('direct is faster than the reducer by', `${ratio.toFixed(1)}x`);
  updateSection();
  sizeSection();
}

/** The server's move (afterAction on frozen states): the round's resolving submission apart. */
function updateSection(): void {
  const u = benchUpdate('classroom', 40);
  console.log(
    `\nThe server's move, afterAction on frozen states (classroom, ${u.games} bot games)`,
  );
  const us = (s: typeof u.resolving) =>
    `${s.meanUs.toFixed(0)} / ${s.p50Us.toFixed(0)} / ${s.p99Us.toFixed(0)}`;
  line(`resolving submission: mean / p50 / p99 (µs), n=${u.resolving.count}`, us(u.resolving));
  line(`every other action: mean / p50 / p99 (µs), n=${u.others.count}`, us(u.others));
}

/** State and view sizes: classroom as the targets were first stated, then every scenario's worst. */
function sizeSection(): void {
  const games = 100;
  console.log(
    `\nSerialized state and views (bytes; heuristic bots, ${games} games of each shipped scenario)`,
  );
  const all = SCENARIO_IDS.map((id) => ({ id, sizes: benchSizes(id, games) }));
  for (const { id, sizes: s } of all)
    line(
      `${id}: start / mid-game / end / largest / view`,
      `${s.start} / ${s.middle} / ${s.end} / ${s.largest} / ${s.maxView}`,
    );
  const classroom = all.find((x) => x.id === 'classroom')!.sizes;
  const target = '< 16384';
  line('classroom: serialized state at the start', String(classroom.start), target);
  line('classroom: serialized state in mid-game', String(classroom.middle), target);
  line('classroom: serialized state at the end', String(classroom.end), target);
  line("classroom: largest seat's view sent over the wire", String(classroom.maxView), target);
  const worst = (pick: (s: Sizes) => number): string => {
    const top = all.reduce((a, b) => (pick(b.sizes) > pick(a.sizes) ? b : a));
    return `${pick(top.sizes)} (${top.id})`;
  };
  line(
    'every scenario: largest state at the end',
    worst((s) => s.end),
    target,
  );
  line(
    'every scenario: largest state after any submission',
    worst((s) => s.largest),
    target,
  );
  line(
    "every scenario: largest seat's view over the wire",
    worst((s) => s.maxView),
    target,
  );
}

async function replaySection(): Promise<void> {
  console.log('\nReplay and continuations (classroom, heuristic bots)');
  const r = await benchReplay();
  line(
    `replay a whole match file (${r.actions} actions, ${r.fileBytes} bytes), median ms`,
    r.replayMs.toFixed(1),
    '< 50',
  );
  line('  the first replay in the process (cold), ms', r.firstReplayMs.toFixed(1));
  line(
    `${r.continuations} continuations from mid-game, one core, s`,
    (r.continuationsMs / 1000).toFixed(2),
  );
  line(
    `${r.continuations} continuations, shared by ${r.threads} threads as the debrief's workers, s`,
    (r.threadedMs / 1000).toFixed(2),
    '< 5',
  );
}

function simulatorSection(): void {
  console.log('\nSimulator: 10,000 classroom games on every core');
  const t0 = performance.now();
  const args = [
    '--import',
    'tsx',
    'src/cli/simulate.ts',
    '--scenario',
    'classroom',
    '--games',
    '10000',
    '--seed',
    'bench',
  ];
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) {
    line('simulate --games 10000', 'failed');
    console.log(run.stderr.split('\n').slice(-5).join('\n'));
    return;
  }
  line('wall time for 10,000 games (s)', seconds.toFixed(1), '< 60');
  line('games per second', (10000 / seconds).toFixed(0));
}

async function boardSection(): Promise<void> {
  console.log('\nThe board (production build, headless Chromium on localhost)');
  const b = await benchBoard();
  line('first-screen JS, gzipped (KB)', b.bundle.gzipKB.toFixed(1), `<= ${b.bundle.targetKB}`);
  line(
    'navigation to interactive board, median (ms)',
    b.timeToInteractive.medianMs.toFixed(0),
    `< ${b.timeToInteractive.targetMs}`,
  );
  line('navigation to interactive board, worst (ms)', b.timeToInteractive.maxMs.toFixed(0));
  line(
    're-render after a move, median (ms)',
    b.rerender.medianMs.toFixed(1),
    `< ${b.rerender.targetMs}`,
  );
  line('re-render after a move, worst (ms)', b.rerender.maxMs.toFixed(1));
}

async function serverSection(): Promise<void> {
  console.log(
    '\nServer load over loopback (100 matches, scripted socket clients on the same cores)',
  );
  const report = await runNetworkBench({ matches: 100, durationMs: 10_000, offered: 1000 });
  for (const r of report.results) {
    const mode = r.offered ? `paced at ${r.offered}/s` : 'closed loop';
    line(
      `${r.label}, ${mode}: moves per second`,
      r.movesPerSecond.toFixed(0),
      r.offered ? `>= ${report.targets.movesPerSecond}` : '',
    );
    line(
      `${r.label}, ${mode}: p50 / p99 (ms)`,
      `${r.p50ms.toFixed(0)} / ${r.p99ms.toFixed(0)}`,
      r.offered ? `p99 < ${report.targets.p99ms}` : '',
    );
    line(`${r.label}, ${mode}: server CPU per move (ms)`, r.serverCpuMsPerMove.toFixed(2));
  }
  const { before, after } = report.referenceMs;
  line(
    'machine speed: reference compute before / after (ms)',
    `${before.computeMs.toFixed(0)} / ${after.computeMs.toFixed(0)}`,
  );
  line(
    'machine speed: 5,000 loopback round trips (ms)',
    `${before.loopbackMs.toFixed(0)} / ${after.loopbackMs.toFixed(0)}`,
  );
  console.log('  (a slower reference than usual means a slowed machine, not a slower server)');
}

async function clusterSection(): Promise<void> {
  console.log(
    '\nSeveral processes: 100 matches against 1 process on SQLite, then 1, 2 and 3 processes behind nginx on PostgreSQL and Redis',
  );
  if (!servicesUp()) {
    console.log('  skipped: PostgreSQL (127.0.0.1:5432) or Redis (127.0.0.1:6379) is not running');
    return;
  }
  const results = await runClusterBench({ matches: 100, durationMs: 10_000, offered: 500 });
  for (const r of results) {
    const mode = r.offered ? `paced at ${r.offered}/s` : 'closed loop';
    const target = r.offered && r.setup.startsWith('3 processes');
    line(`${r.setup}, ${mode}: moves/s`, r.movesPerSecond.toFixed(0), target ? '>= 490' : '');
    line(
      `${r.setup}, ${mode}: p50 / p99 (ms)`,
      `${r.p50ms.toFixed(0)} / ${r.p99ms.toFixed(0)}`,
      target ? 'p99 < 150' : '',
    );
    line(
      `${r.setup}, ${mode}: CPU/move node+nginx+pg+redis (ms)`,
      `${r.cpu.node.toFixed(2)}+${r.cpu.nginx.toFixed(2)}+${r.cpu.postgres.toFixed(2)}+${r.cpu.redis.toFixed(2)}`,
    );
  }
  console.log(
    "  (on 2 cores more processes add no throughput: the figures show each component's cost per move)",
  );
}

/** How long the soak attacks: --soak-seconds=N, or SOAK_SECONDS, else 10 minutes. */
const soakSeconds = Number(
  process.argv.find((a) => a.startsWith('--soak-seconds='))?.slice('--soak-seconds='.length) ??
    process.env.SOAK_SECONDS ??
    600,
);

async function soakSection(): Promise<void> {
  console.log(
    `\nSoak: 100 matches at 500 moves/s with 50 hostile sockets for ${soakSeconds} s (--soak-seconds=N)`,
  );
  const r = await runSoak({ durationMs: soakSeconds * 1000 });
  line('server still up', r.serverUp ? 'yes' : 'NO', 'yes');
  line(
    'server RSS: start / after baseline / peak / end (MB)',
    `${r.rssMB.start.toFixed(0)} / ${r.rssMB.baseline.toFixed(0)} / ${r.rssMB.peak.toFixed(0)} / ${r.rssMB.end.toFixed(0)}`,
    'peak < 512',
  );
  line('p99 before the attack (ms)', r.baseline.p99ms.toFixed(0), '< 200');
  line('p99 during the attack (ms)', r.during.p99ms.toFixed(0), '< 200');
  line('moves per second during the attack', r.during.movesPerSecond.toFixed(0), '>= 490');
  line('hostile frames sent / hostile sockets dropped', `${r.hostile.frames} / ${r.hostile.drops}`);
}

async function sessionSection(): Promise<void> {
  console.log('\nA class: one session of 30 tables, 120 scripted students over sockets');
  const r = await runSessionBench({ tables: 30, rounds: 3 });
  line('students / tables / submissions', `${r.students} / ${r.tables} / ${r.submissions}`);
  line(
    'submission to console update, p50 / p99 (ms)',
    `${r.p50ms.toFixed(0)} / ${r.p99ms.toFixed(0)}`,
    `p99 < ${r.targetP99ms}`,
  );
  line('submission to console update, worst (ms)', r.maxMs.toFixed(0));
  line('submissions the console never showed', String(r.unseen), '0');
  line('console frames received', String(r.consoleFrames));
  line('wall time (s)', r.wallSeconds.toFixed(1));
}

const SECTIONS: Record<string, () => void | Promise<void>> = {
  engine: engineSection,
  replay: replaySection,
  sim: simulatorSection,
  board: boardSection,
  server: serverSection,
  cluster: clusterSection,
  soak: soakSection,
  session: sessionSection,
};

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    `npm run bench [-- --only=${Object.keys(SECTIONS).join(',')}]\n` +
      'Prints the figures the targets are stated in. The server section takes a few minutes.',
  );
  process.exit(0);
}

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknown = (only ?? []).filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(
    `Unknown bench section: ${unknown.join(', ')}. Choose from: ${Object.keys(SECTIONS).join(', ')}.`,
  );
  process.exit(2);
}
for (const [name, run] of Object.entries(SECTIONS)) if (!only || only.includes(name)) await run();
process.exit(0);
