import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { PLAYING_ROLES } from '../../game/ids';
import { SCENARIOS, SCENARIO_IDS } from '../../game/scenarios';
import { checkBalance, roleAgainst, summarize, type ScenarioRuns } from '../../game/sim';
import { balanceMarkdown } from './balance-report';
import { progressBar } from './progress';
import { SimPool } from './sim-pool';

/**
 * `npm run balance`: for every shipped scenario, heuristic bots in every seat, then each role
 * heuristic against random bots; writes reports/balance.md and reports/balance.json.
 * Optional: `--games N` (default 2000), `--workers N`.
 */
const GAMES_DEFAULT = 2000;
const SEED = 'balance';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`balance: --${name} must be a positive whole number\n`);
    process.exit(2);
  }
  return value;
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const games = flag('games', GAMES_DEFAULT);
  const pool = new SimPool(flag('workers', availableParallelism()));
  const runsPer = 1 + PLAYING_ROLES.length;
  const bar = progressBar('balance', SCENARIO_IDS.length * runsPer * games);
  const runs: ScenarioRuns[] = [];
  try {
    for (const id of SCENARIO_IDS) {
      const scenario = SCENARIOS[id];
      const play = async (levels: ReturnType<typeof roleAgainst>) =>
        summarize(
          scenario,
          SEED,
          levels,
          await pool.run({ scenario, seed: SEED, levels }, games, bar.tick),
        );
      const allHeuristic = await play(roleAgainst(scenario, 'firm', 'heuristic', 'heuristic'));
      const againstRandom: ScenarioRuns['againstRandom'] = {};
      for (const role of PLAYING_ROLES)
        againstRandom[role] = await play(roleAgainst(scenario, role, 'heuristic', 'random'));
      runs.push({ scenario: id, allHeuristic, againstRandom });
    }
  } finally {
    bar.stop();
    await pool.close();
  }
  const checks = checkBalance(runs);
  const meta = { date: new Date().toISOString().slice(0, 10), commit: commit(), games, seed: SEED };
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/balance.md', balanceMarkdown(runs, checks, meta));
  writeFileSync('reports/balance.json', JSON.stringify({ ...meta, checks, runs }, null, 2) + '\n');
  const failed = checks.filter((c) => !c.ok);
  process.stdout.write(
    `${checks.length - failed.length}/${checks.length} bounds hold; wrote reports/balance.md and reports/balance.json\n`,
  );
  for (const c of failed)
    process.stdout.write(
      `  FAIL ${c.scenario} ${c.role} (${c.test}): ${(c.rate * 100).toFixed(1)}%\n`,
    );
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`balance: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
