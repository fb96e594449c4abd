import { BOUNDS, type Check, type ScenarioRuns, type Summary } from '../../game/sim';

/** reports/balance.md: every figure with its 95% interval, and whether each bound holds. */

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ci = (r: { rate: number; lo: number; hi: number }): string =>
  `${pct(r.rate)} [${pct(r.lo)}, ${pct(r.hi)}]`;

function roleTable(s: Summary): string[] {
  const rows = ['| role | seats | wins | rate [95% CI] |', '| --- | --- | --- | --- |'];
  for (const r of s.roles)
    rows.push(`| ${r.role} | ${r.seats.join(', ')} | ${r.wins} | ${ci(r)} |`);
  return rows;
}

function seatTable(s: Summary): string[] {
  const rows = ['| seat | name | role | bot | rate [95% CI] |', '| --- | --- | --- | --- | --- |'];
  for (const x of s.seats)
    rows.push(`| ${x.seat} | ${x.name} | ${x.role} | ${x.level} | ${ci(x)} |`);
  return rows;
}

function lengthLine(s: Summary): string {
  const end = s.perRound.at(-1) ?? {};
  const num = (k: string): string => (typeof end[k] === 'number' ? String(end[k]) : '?');
  return (
    `Mean game: ${s.meanRounds} rounds, ${s.meanMoves} moves; at the end on average vendor cash ` +
    `${num('vendorCash')}, hub investment ${num('hubInvestment')}, standing ${num('standing')}, ` +
    `frontier ${num('frontier')}. Refused bot choices: ${s.refused}.`
  );
}

export interface ReportMeta {
  date: string;
  commit: string;
  games: number;
  seed: string;
}

export function balanceMarkdown(
  runs: readonly ScenarioRuns[],
  checks: readonly Check[],
  meta: ReportMeta,
): string {
  const failed = checks.filter((c) => !c.ok);
  const out = [
    '# Balance report',
    '',
    `Made by \`npm run balance\` on ${meta.date} at commit \`${meta.commit}\`: ${meta.games} games per`,
    `run, seed \`${meta.seed}\`, every shipped scenario. Several seats can win the same game; a role`,
    'wins when any of its seats does. Intervals are 95% Wilson score intervals.',
    '',
    `Bounds: (a) with heuristic bots in every seat, every role wins between ${pct(BOUNDS.allHeuristic.min)} and`,
    `${pct(BOUNDS.allHeuristic.max)} of games; (b) each role, played by the heuristic bot against random bots in`,
    `every other seat, wins at least ${pct(BOUNDS.againstRandom)}. Bounds are checked on the point estimates.`,
    '',
    failed.length === 0
      ? '**Every bound holds.**'
      : `**${failed.length} bound(s) fail:** ${failed.map((c) => `${c.scenario} ${c.role} (${c.test})`).join('; ')}.`,
    '',
    'Reproduce with `npm run balance` (all cores; `--games N`, `--workers N`); one run alone with',
    '`npm run simulate -- --scenario <id> --games 2000 --seed balance --bots random,<role>=heuristic`.',
    '',
    '## Summary',
    '',
    '| scenario | role | all heuristic [95% CI] | heuristic vs random [95% CI] |',
    '| --- | --- | --- | --- |',
  ];
  for (const run of runs) {
    for (const c of checks.filter(
      (x) => x.scenario === run.scenario && x.test === 'all heuristic',
    )) {
      const vs = checks.find(
        (x) => x.scenario === run.scenario && x.role === c.role && x.test === 'heuristic vs random',
      );
      const mark = (k: Check | undefined): string => (k ? `${ci(k)}${k.ok ? '' : ' ✗'}` : '–');
      out.push(`| ${run.scenario} | ${c.role} | ${mark(c)} | ${mark(vs)} |`);
    }
  }
  for (const run of runs) {
    out.push('', `## ${run.scenario}`, '', '### Heuristic bots in every seat', '');
    out.push(
      ...roleTable(run.allHeuristic),
      '',
      ...seatTable(run.allHeuristic),
      '',
      lengthLine(run.allHeuristic),
    );
    for (const [role, s] of Object.entries(run.againstRandom)) {
      out.push('', `### Heuristic ${role} against random bots`, '', ...roleTable(s), '');
      if (s.seats.filter((x) => x.role === role).length > 1) out.push(...seatTable(s), '');
      out.push(lengthLine(s));
    }
  }
  return out.join('\n') + '\n';
}
