import {
  BOUNDS,
  calibrate,
  CALIBRATED_ROLES,
  roleAgainst,
  rowAt,
  suggest,
  TARGET_OF,
  type CalibratedRole,
  type Calibration,
  type CalibrationRow,
  type GameRecord,
} from '../../game/sim';
import type { Scenario } from '../../game/engine';
import { progressBar } from './progress';
import { parseArgs } from './sim-args';
import { SimPool } from './sim-pool';

/**
 * `npm run calibrate`: where to set a scenario's cash or investment target. Plays the scenario
 * twice (heuristic bots everywhere; the role's heuristic bot among random bots) to find the
 * targets that matter, then plays both runs again at each of them (bots may read their own
 * target), and prints the role's win rate at each, with the one that best meets balance checks 1
 * and 2. The same arguments always print the same bytes.
 */

export const USAGE = `Usage: npm run calibrate -- --role <vendor|hub> [options]
  --role <role>           whose target to calibrate: ${CALIBRATED_ROLES.join(' or ')}
  --scenario <id>         a shipped scenario (default classroom)
  --scenario-file <path>  a scenario JSON file instead: calibrate your own scenario's targets
  --games <n>             games in each of the two runs (default 1000)
  --seed <text>           the runs' seed (default 1)
  --workers <n>           worker threads (default: every core)`;

const NOT_HERE = ['--bots', '--ban', '--out', '--from', '--round'];

type Parsed =
  | { ok: true; role: CalibratedRole; rest: string[] }
  | { ok: false; error: string }
  | { ok: 'help' };

/** Takes `--role` out of the arguments; the rest are the simulator's own. */
export function readRole(argv: readonly string[]): Parsed {
  if (argv.includes('--help') || argv.includes('-h')) return { ok: 'help' };
  const rest: string[] = [];
  let role: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    const flag = word.split('=')[0];
    if (NOT_HERE.includes(flag))
      return { ok: false, error: `${flag} is not used here: calibrate chooses the bots itself` };
    if (flag !== '--role') {
      rest.push(word);
      continue;
    }
    role = word.includes('=') ? word.slice('--role='.length) : argv[++i];
  }
  if (role === undefined) return { ok: false, error: '--role is required (vendor or hub)' };
  if (!CALIBRATED_ROLES.includes(role as CalibratedRole))
    return {
      ok: false,
      error: `--role must be vendor or hub (got "${role}"); the firm and the regulator have no number to calibrate`,
    };
  return { ok: true, role: role as CalibratedRole, rest };
}

const pct = (p: number): string => `${(100 * p).toFixed(1)}%`;
const interval = (r: CalibrationRow['allHeuristic']): string =>
  `${pct(r.p).padStart(6)} [${pct(r.lo)}, ${pct(r.hi)}]`;

export function formatCalibration(
  scenario: Scenario,
  c: Calibration,
  games: number,
  seed: string,
): string {
  const { label, field } = TARGET_OF[c.role];
  const lines = [
    `Calibrating ${label} in ${scenario.id} (now ${c.current}; \`victory.${field}\` in the scenario file)`,
    `${games} games with heuristic bots in every seat, ${games} with the heuristic ${c.role} among random bots; seed ${seed}.`,
    `Check 1 wants ${pct(BOUNDS.allHeuristic.min)}–${pct(BOUNDS.allHeuristic.max)} with heuristic bots; check 2 wants at least ${pct(BOUNDS.againstRandom)} among random bots.`,
    '',
    `| target | heuristic bots everywhere | heuristic ${c.role} among random bots | both checks |`,
    '| ---: | --- | --- | --- |',
    ...c.rows.map(
      (r) =>
        `| ${r.target}${r.target === c.current ? ' (now)' : ''} | ${interval(r.allHeuristic)} | ${interval(r.amongRandom)} | ${r.holds ? 'hold' : ''} |`,
    ),
    '',
  ];
  const s = c.suggested;
  if (!s) lines.push('No game was played: nothing to suggest.');
  else
    lines.push(
      `Suggested target: ${s.target} (heuristic bots ${pct(s.allHeuristic.p)}, among random bots ${pct(s.amongRandom.p)}).` +
        (s.holds
          ? ''
          : ' No target meets both checks: the role itself needs work, not its target.'),
    );
  return lines.join('\n') + '\n';
}

async function main(argv: readonly string[]): Promise<number> {
  const read = readRole(argv);
  if (read.ok === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = read.ok ? parseArgs(read.rest) : read;
  if (args.ok === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!args.ok || !read.ok) {
    process.stderr.write(`calibrate: ${args.ok ? '' : args.error}\n\n${USAGE}\n`);
    return 2;
  }
  const o = args.options;
  const role = read.role;
  if (!o.scenario.seats.some((s) => s.role === role)) {
    process.stderr.write(`calibrate: ${o.scenario.id} has no ${role} seat\n`);
    return 2;
  }
  const field = TARGET_OF[role].field;
  const current = o.scenario.victory[field];
  const pool = new SimPool(Math.min(o.workers, o.games));
  const everywhere = roleAgainst(o.scenario, role, 'heuristic', 'heuristic');
  const amongRandom = roleAgainst(o.scenario, role, 'heuristic', 'random');
  const runsAt = async (
    target: number,
    tick: (n: number) => void,
  ): Promise<[GameRecord[], GameRecord[]]> => {
    const scenario = { ...o.scenario, victory: { ...o.scenario.victory, [field]: target } };
    const play = (levels: typeof everywhere) =>
      pool.run({ scenario, seed: o.seed, levels }, o.games, tick);
    return [await play(everywhere), await play(amongRandom)];
  };
  let result: Calibration;
  try {
    const first = progressBar(`${o.scenario.id} ${role}: finding the targets`, 2 * o.games);
    const estimate = await runsAt(current, first.tick).finally(first.stop);
    const targets = calibrate(role, current, ...estimate).rows.map((r) => r.target);
    const again = progressBar(
      `${o.scenario.id} ${role}: ${targets.length} targets`,
      2 * o.games * targets.length,
    );
    const rows: CalibrationRow[] = [];
    try {
      for (const target of targets)
        rows.push(rowAt(role, target, ...(await runsAt(target, again.tick))));
    } finally {
      again.stop();
    }
    result = { role, current, rows, suggested: suggest(rows) };
  } finally {
    await pool.close();
  }
  process.stdout.write(formatCalibration(o.scenario, result, o.games, o.seed));
  return 0;
}

if (process.argv[1]?.endsWith('calibrate.ts'))
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(
        `calibrate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 1;
    },
  );
