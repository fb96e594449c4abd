import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { summarize } from '../../game/sim';
import { progressBar } from './progress';
import { parseArgs, USAGE } from './sim-args';
import { runFrom } from './simulate-from';
import { SimPool } from './sim-pool';
import { formatSummary, toCsv, toJson } from './sim-report';

/**
 * `npm run simulate`: plays many games with bots in every seat on all cores and prints win
 * rates per role with 95% intervals, game length and the average indicators per round. The
 * same arguments always print (and write) the same bytes.
 */
async function main(argv: readonly string[]): Promise<number> {
  // "What would happen from here?": continuations from a replay file's position.
  if (argv.some((a) => a === '--from' || a.startsWith('--from=')))
    return runFrom(
      argv,
      (s) => process.stdout.write(s),
      (s) => process.stderr.write(s),
    );
  const args = parseArgs(argv);
  if (args.ok === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!args.ok) {
    process.stderr.write(`simulate: ${args.error}\n\n${USAGE}\n`);
    return 2;
  }
  const o = args.options;
  // `--out reports/tmp/run` on a fresh clone: make the folder first, before the games are played.
  if (o.out) mkdirSync(dirname(o.out), { recursive: true });
  const started = performance.now();
  const bar = progressBar(o.scenario.id, o.games);
  const job = { scenario: o.scenario, seed: o.seed, levels: o.bots, bans: o.bans };
  const workers = Math.min(o.workers, o.games);
  const pool = new SimPool(workers);
  const records = await pool.run(job, o.games, bar.tick).finally(() => {
    bar.stop();
    return pool.close();
  });
  const summary = summarize(o.scenario, o.seed, o.bots, records);
  process.stdout.write(formatSummary(summary, o.botsSpec, o.banSpecs));
  if (o.out) {
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(`${o.out}.csv`, toCsv(o.scenario, records));
    writeFileSync(`${o.out}.json`, toJson(summary));
  }
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${o.games} games in ${seconds.toFixed(1)} s on ${workers} worker(s)\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`simulate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
