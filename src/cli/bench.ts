import { spawnSync } from 'node:child_process';
import { benchEngine } from './bench/engine';

/**
 * `npm run bench`: prints the figures the project's targets are stated in. Each section says
 * its target beside its measurement; nothing here fails a build.
 */

const line = (label: string, value: string, target = ''): void =>
  console.log(`  ${label.padEnd(46)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}`);

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
  line('serialized state at the start (bytes)', String(b.sizes.start), '< 16384');
  line('serialized state in mid-game (bytes)', String(b.sizes.middle), '< 16384');
  line('serialized state at the end (bytes)', String(b.sizes.end), '< 16384');
  line("largest seat's view sent over the wire (bytes)", String(b.sizes.maxView), '< 16384');
}

function simulatorSection(): void {
  console.log('\nSimulator: 10,000 classroom games on every core');
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', '--scenario', 'classroom', '--games', '10000', '--seed', 'bench'], {
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

engineSection();
simulatorSection();
