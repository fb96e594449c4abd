import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  SCENARIOS,
  SCENARIO_IDS,
  formatErrors,
  parseScenarioText,
  type Scenario,
} from '../../game/engine';
import { parseBans, parseBots, type SeatBans, type SeatLevels } from '../../game/sim';

/** What `npm run simulate` was asked to do. */
export interface SimOptions {
  scenario: Scenario;
  games: number;
  seed: string;
  botsSpec: string;
  bots: SeatLevels;
  /** Move families forbidden to bots, by seat (from `--ban ROLE:FAMILY`). */
  bans: SeatBans;
  banSpecs: string[];
  workers: number;
  out: string | null;
}

export type ArgsResult =
  { ok: true; options: SimOptions } | { ok: false; error: string } | { ok: 'help' };

export const USAGE = `Usage: npm run simulate -- [options]
  --scenario <id>         a shipped scenario: ${SCENARIO_IDS.join(', ')} (default classroom)
  --scenario-file <path>  a scenario JSON file instead
  --games <n>             games to play, a positive whole number (default 1000)
  --seed <text>           the run's seed (default 1)
  --bots <spec>           heuristic | random | e.g. random,firm=heuristic or regulator=heuristic,2=random
  --ban <role>:<family>   forbid a move family to a role's bots, e.g. firm:Offshore (repeatable)
  --workers <n>           worker threads (default: every core)
  --out <prefix>          also write <prefix>.csv (one row per game) and <prefix>.json (the summary)
  --from <file> --round <k> [--games n]
                          bots play on from round k of a replay file instead (see --from --help)`;

const FLAGS = [
  'scenario',
  'scenario-file',
  'games',
  'seed',
  'bots',
  'ban',
  'workers',
  'out',
] as const;
type Flag = (typeof FLAGS)[number];

const positiveInt = (text: string | undefined): number | null =>
  text !== undefined && /^[1-9]\d*$/.test(text) && Number.isSafeInteger(Number(text))
    ? Number(text)
    : null;

/** Reads `--flag value` and `--flag=value` pairs; any other word is an error. */
function readFlags(
  argv: readonly string[],
): { flags: Partial<Record<Flag, string>>; bans: string[] } | { error: string } | 'help' {
  const flags: Partial<Record<Flag, string>> = {};
  const bans: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--help' || word === '-h') return 'help';
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(word);
    if (!m) return { error: `unexpected argument "${word}"` };
    const name = m[1] as Flag;
    if (!FLAGS.includes(name)) return { error: `unknown flag --${m[1]}` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--')))
      return { error: `--${name} needs a value` };
    if (name === 'ban') bans.push(value);
    else flags[name] = value;
  }
  return { flags, bans };
}

function loadScenario(
  flags: Partial<Record<Flag, string>>,
): { scenario: Scenario } | { error: string } {
  if (flags.scenario && flags['scenario-file'])
    return { error: 'give --scenario or --scenario-file, not both' };
  const file = flags['scenario-file'];
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return { error: `cannot read ${file}: ${(e as Error).message}` };
    }
    const parsed = parseScenarioText(text);
    return parsed.ok
      ? { scenario: parsed.scenario }
      : { error: `${file} is not a valid scenario:\n${formatErrors(parsed.errors)}` };
  }
  const id = flags.scenario ?? 'classroom';
  const scenario = SCENARIOS[id];
  return scenario
    ? { scenario }
    : { error: `unknown scenario "${id}" (choose from ${SCENARIO_IDS.join(', ')})` };
}

export function parseArgs(argv: readonly string[]): ArgsResult {
  const read = readFlags(argv);
  if (read === 'help') return { ok: 'help' };
  if ('error' in read) return { ok: false, error: read.error };
  const { flags } = read;
  const loaded = loadScenario(flags);
  if ('error' in loaded) return { ok: false, error: loaded.error };
  const games = positiveInt(flags.games ?? '1000');
  if (games === null)
    return { ok: false, error: `--games must be a positive whole number (got "${flags.games}")` };
  const workers = positiveInt(flags.workers ?? String(availableParallelism()));
  if (workers === null)
    return {
      ok: false,
      error: `--workers must be a positive whole number (got "${flags.workers}")`,
    };
  const botsSpec = flags.bots ?? 'heuristic';
  const bots = parseBots(botsSpec, loaded.scenario);
  if (!bots.ok) return { ok: false, error: `--bots: ${bots.error}` };
  const bans = parseBans(read.bans, loaded.scenario);
  if (!bans.ok) return { ok: false, error: `--ban: ${bans.error}` };
  const seed = flags.seed ?? '1';
  if (seed === '') return { ok: false, error: '--seed must not be empty' };
  const options = {
    scenario: loaded.scenario,
    games,
    seed,
    botsSpec,
    bots: bots.levels,
    bans: bans.bans,
    banSpecs: read.bans,
    workers,
    out: flags.out ?? null,
  };
  return { ok: true, options };
}
