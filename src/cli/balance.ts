import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { PLAYING_ROLES } from '../../game/ids';
import { SCENARIOS, SCENARIO_IDS } from '../../game/scenarios';
import {
  checkBalance,
  familiesOf,
  parseBans,
  roleAgainst,
  summarize,
  type ScenarioRuns,
  type SeatBans,
  type SeatLevels,
  type Summary,
} from '../../game/sim';
import { balanceMarkdown } from './balance-report';
import { progressBar } from './progress';
import { SimPool } from './sim-pool';

/**
 * `npm run balance`: the checks of the rules' design (game/sim/balance.ts) over every shipped
 * scenario: heuristic bots in every seat; each role heuristic among random bots and random among
 * heuristic bots; and each role's bot with one move family forbidden. Writes reports/balance.md
 * and reports/balance.json. Options: `--games N` (default 2000), `--ban-games N` (games for
 * each forbidden-family run, default 1000), `--seed TEXT` (default a fresh one), `--workers N`.
 */
const GAMES_DEFAULT = 2000;
const BAN_GAMES_DEFAULT = 1000;

const USAGE = `Usage: npm run balance -- [options]
  --games <n>       games per run (default ${GAMES_DEFAULT})
  --ban-games <n>   games per run with a move family forbidden (default ${BAN_GAMES_DEFAULT})
  --seed <text>     the runs' seed (default: balance-<today>)
  --workers <n>     worker threads (default: every core)
Writes reports/balance.md and reports/balance.json.
`;

const OPTIONS = ['games', 'ban-games', 'seed', 'workers'];

/** Refuses what it does not understand before hours of simulation start. */
function checkArguments(args: readonly string[]): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].startsWith('--') ? args[i].slice(2) : null;
    const problem =
      !name || !OPTIONS.includes(name)
        ? `unknown argument "${args[i]}"`
        : args[i + 1] === undefined || args[i + 1].startsWith('--')
          ? `--${name} needs a value`
          : null;
    if (problem) {
      process.stderr.write(`balance: ${problem}\n\n${USAGE}`);
      process.exit(2);
    }
  }
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function count(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
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
  checkArguments(process.argv.slice(2));
  const games = count('games', GAMES_DEFAULT);
  const banGames = count('ban-games', BAN_GAMES_DEFAULT);
  const seed = option('seed') ?? `balance-${new Date().toISOString().slice(0, 10)}`;
  const pool = new SimPool(count('workers', availableParallelism()));
  const families = PLAYING_ROLES.flatMap((role) => familiesOf(role).map((f) => `${role}:${f}`));
  const perScenario = (1 + 2 * PLAYING_ROLES.length) * games + families.length * banGames;
  const bar = progressBar('balance', SCENARIO_IDS.length * perScenario);
  const runs: ScenarioRuns[] = [];
  try {
    for (const id of SCENARIO_IDS) {
      const scenario = SCENARIOS[id];
      const play = async (levels: SeatLevels, n = games, bans: SeatBans = {}) =>
        summarize(
          scenario,
          seed,
          levels,
          await pool.run({ scenario, seed, levels, bans }, n, bar.tick),
        );
      const heuristic = roleAgainst(scenario, 'firm', 'heuristic', 'heuristic');
      const run: ScenarioRuns = {
        scenario: id,
        allHeuristic: await play(heuristic),
        againstRandom: {},
        randomAmong: {},
        banned: {},
      };
      for (const role of PLAYING_ROLES) {
        run.againstRandom[role] = await play(roleAgainst(scenario, role, 'heuristic', 'random'));
        run.randomAmong[role] = await play(roleAgainst(scenario, role, 'random', 'heuristic'));
      }
      for (const key of families) {
        const bans = parseBans([key], scenario);
        if (!bans.ok) throw new Error(bans.error);
        run.banned[key] = await play(heuristic, banGames, bans.bans);
      }
      runs.push(run);
    }
  } finally {
    bar.stop();
    await pool.close();
  }
  const checks = checkBalance(runs);
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    commit: commit(),
    games,
    banGames,
    seed,
  };
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/balance.md', balanceMarkdown(runs, checks, meta));
  writeFileSync(
    'reports/balance.json',
    JSON.stringify({ ...meta, checks, runs: runs.map(slim) }, null, 1) + '\n',
  );
  const failed = checks.filter((c) => !c.ok);
  process.stdout.write(
    `${checks.length - failed.length}/${checks.length} checks hold; wrote reports/balance.md and reports/balance.json\n`,
  );
  for (const c of failed)
    process.stdout.write(
      `  FAIL check ${c.check} ${c.scenario}: ${c.subject} = ${(c.value * 100).toFixed(1)}% (bound ${c.bound})\n`,
    );
  process.exitCode = failed.length === 0 ? 0 : 1;
}

/** The JSON keeps every figure of the all-heuristic runs; the other runs keep their win rates and measures. */
function slim(run: ScenarioRuns): unknown {
  const brief = (s: Summary) => ({ ...s, perRound: undefined, cards: undefined });
  const each = (runs: Record<string, Summary | undefined>) =>
    Object.fromEntries(Object.entries(runs).map(([k, s]) => [k, s && brief(s)]));
  return {
    ...run,
    againstRandom: each(run.againstRandom),
    randomAmong: each(run.randomAmong),
    banned: each(run.banned),
  };
}

main().catch((e: unknown) => {
  process.stderr.write(`balance: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
