import { readFileSync } from 'node:fs';
import { parseBots } from '../../game/sim';
import { continuations, type Continuations } from '../../game/sim/continue';
import { positionAt, readReplay } from '../../game/replay';
import { progressBar } from './progress';

/**
 * `npm run simulate -- --from FILE --round K [--games N] [--seed S] [--bots SPEC]`: bots play
 * on from the position at which round K of a replay file opened, N times with dice of their
 * own, and each role's chance of winning from there is printed with its 95% interval.
 */
export const FROM_USAGE = `Usage: npm run simulate -- --from FILE --round K [options]
  --from <file>    a replay file
  --round <k>      the round whose opening position the bots play on from (1 = the start)
  --games <n>      continuations to play (default 200)
  --seed <text>    the continuations' seed (default 1)
  --bots <spec>    heuristic | random | e.g. random,firm=heuristic (default heuristic)`;

export type FromArgs =
  | { ok: true; from: string; round: number; games: number; seed: string; bots: string }
  | { ok: false; error: string };

const FLAGS = ['from', 'round', 'games', 'seed', 'bots'];

export function parseFromArgs(argv: readonly string[]): FromArgs {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) return { ok: false, error: `unexpected argument "${argv[i]}"` };
    if (!FLAGS.includes(m[1])) return { ok: false, error: `--${m[1]} does not go with --from` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { ok: false, error: `--${m[1]} needs a value` };
    flags[m[1]] = value;
  }
  if (!flags.from) return { ok: false, error: '--from needs a replay file' };
  if (!flags.round || !/^[1-9]\d*$/.test(flags.round))
    return { ok: false, error: '--round must be a round number (1 or more)' };
  const games = flags.games ?? '200';
  if (!/^[1-9]\d*$/.test(games) || Number(games) > 100_000)
    return { ok: false, error: `--games must be a whole number from 1 to 100000 (got "${games}")` };
  return {
    ok: true,
    from: flags.from,
    round: Number(flags.round),
    games: Number(games),
    seed: flags.seed ?? '1',
    bots: flags.bots ?? 'heuristic',
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatChances(c: Continuations, label: string): string {
  const rows = c.roles.map(
    (r) =>
      `  ${r.role.padEnd(10)} ${pct(r.rate).padStart(6)}  [${pct(r.lo)}, ${pct(r.hi)}]  (${r.wins} of ${c.games})`,
  );
  return `${label}\nEach role's chance of winning from here, ${c.games} bot continuations (95% Wilson interval):\n${rows.join('\n')}\n`;
}

export function runFrom(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const args = parseFromArgs(argv);
  if (!args.ok) {
    err(`simulate: ${args.error}\n\n${FROM_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.from, 'utf8');
  } catch (e) {
    err(`simulate: cannot read ${args.from}: ${(e as Error).message}\n`);
    return 2;
  }
  const read = readReplay(text);
  if (!read.ok) {
    err(`simulate: ${args.from} refused.\n${read.error}\n`);
    return 1;
  }
  const position = positionAt(read.replay, args.round);
  if (!position) {
    const last = read.replay.roundStart.length - 1;
    err(`simulate: the match never reached round ${args.round} (its rounds: 1 to ${last})\n`);
    return 2;
  }
  const bots = parseBots(args.bots, read.replay.scenario);
  if (!bots.ok) {
    err(`simulate: --bots: ${bots.error}\n`);
    return 2;
  }
  const bar = process.stderr.isTTY ? progressBar(`round ${args.round}`, args.games) : null;
  const chances = continuations(
    position,
    args.games,
    args.seed,
    bots.levels,
    bar ? () => bar.tick(1) : undefined,
  );
  bar?.stop();
  out(
    formatChances(
      chances,
      `${read.file.scenario.id}, match ${read.file.id}, from the opening of round ${args.round} of ${position.rounds} (seed "${args.seed}", bots ${args.bots})`,
    ),
  );
  return 0;
}
