import { readFileSync } from 'node:fs';
import {
  readReplay,
  resultLines,
  roundSummaries,
  talkAt,
  type Replayed,
  type ReplayFile,
  type RoundSummary,
} from '../../game/replay';

/**
 * `npm run replay -- FILE`: plays a replay file again, checking every action, seal and round
 * against the file, and prints what happened each round and the result. A file from other
 * rules, or one that was changed, is refused with the reason (exit code 1).
 */
export const REPLAY_USAGE = `Usage: npm run replay -- FILE
  FILE  a replay file downloaded from a match's end screen (or GET /api/matches/ID/replay)`;

const list = (label: string, items: readonly string[]): string =>
  items.length ? `\n    ${label}: ${items.join('; ')}` : '';

export function formatRound(r: RoundSummary): string {
  const caps = Object.entries(r.capability)
    .map(([n, v]) => `${n} ${v}`)
    .join(', ');
  return (
    `Round ${r.round} (${r.from} to ${r.to})` +
    `\n    frontier ${r.frontier}; capability ${caps}; control level ${r.controlLevel}; tension ${r.tension}; vendor cash ${r.vendorCash}; hub investment ${r.hubInvestment}` +
    list('cards', r.cards) +
    list('signals', r.signals) +
    list('searches', r.searches) +
    `\n    would win now: ${r.leaders.length ? r.leaders.join(', ') : 'nobody'}`
  );
}

/** The facilitator's console changes, each with the round and the action it came after. */
function consoleLines(file: ReplayFile, replay: Replayed): string {
  const roundAt = (at: number): number => {
    let round = 1;
    for (let r = 1; r < replay.actionsAt.length; r++)
      if (replay.actionsAt[r] !== undefined && replay.actionsAt[r]! <= at) round = r;
    return round;
  };
  return file.console
    .map((c) => {
      const what =
        c.kind === 'end'
          ? 'ended the match'
          : `injected "${typeof c.card === 'string' ? c.card : c.card.title}"`;
      return `The facilitator ${what} in round ${roundAt(c.at)}, after ${c.at} action${c.at === 1 ? '' : 's'}.\n`;
    })
    .join('');
}

/** The table's talk said in one round, a line each: who, to whom if private, and what. */
const talkLines = (file: ReplayFile, round: number): string =>
  talkAt(file, round)
    .map((m) => `\n    talk: ${m.who}${m.to !== null ? ` (to ${m.to} only)` : ''}: ${m.text}`)
    .join('');

export function runReplay(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (argv.length !== 1 || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 1 ? out : err)(REPLAY_USAGE + '\n');
    return argv.length === 1 ? 0 : 2;
  }
  const path = argv[0];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    err(`replay: cannot read ${path}: ${(e as Error).message}\n`);
    return 2;
  }
  // A long file (a facilitator's day of matches) shows its progress on stderr, every tenth.
  let shown = 0;
  const result = readReplay(text, (done, total) => {
    if (total < 500) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth > shown) {
      shown = tenth;
      err(`replaying: ${tenth * 10}% (${done} of ${total} actions)\n`);
    }
  });
  if (!result.ok) {
    err(`replay: ${path} refused.\n${result.error}\n`);
    return 1;
  }
  const { file, replay } = result;
  const seats = file.seats.map((s) => `${s.name} (${s.role}${s.player ? `, ${s.player}` : ''})`);
  out(
    `${file.scenario.id}, seed "${file.seed}", rules ${file.rules.version}: ${file.actions.length} actions replayed; every seal and round matches the file.\n` +
      (file.fork ? `A fork of match ${file.fork.parent} from round ${file.fork.round}.\n` : '') +
      consoleLines(file, replay) +
      (file.messages
        ? `${file.messages.length} message${file.messages.length === 1 ? '' : 's'} of table talk, each under its round.\n`
        : '') +
      `Seats: ${seats.join(', ')}\n\n`,
  );
  const summaries = roundSummaries(replay);
  for (const r of summaries) out(formatRound(r) + talkLines(file, r.round) + '\n');
  // Talk of the round the file stopped in, before it resolved.
  const after = new Set(
    (file.messages ?? []).map((m) => m.round).filter((n) => !summaries.some((r) => r.round === n)),
  );
  for (const n of after) out(`Round ${n} (not resolved)${talkLines(file, n)}\n`);
  out(
    `\nResult\n${resultLines(replay)
      .map((l) => `  ${l}`)
      .join('\n')}\n`,
  );
  return 0;
}

if (process.argv[1] && /replay\.ts$/.test(process.argv[1]))
  process.exitCode = runReplay(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
