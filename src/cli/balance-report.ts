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
  banGames: number;
  seed: string;
}

const CHECKS: Record<number, string> = {
  1: `Each role wins ${pct(BOUNDS.allHeuristic.min)}–${pct(BOUNDS.allHeuristic.max)} of games with heuristic bots in every seat`,
  2: `Choices matter: the heuristic bot among random bots wins at least ${pct(BOUNDS.againstRandom)}; a random seat among heuristic bots at most ${pct(BOUNDS.randomAmong)}`,
  3: `No dominant or dead strategy: a firm forbidden to lease abroad wins at most ${pct(BOUNDS.noOffshore)}; forbidding any move family costs its role at least ${(BOUNDS.familyMatters * 100).toFixed(0)} points in some scenario; no family is more than ${pct(BOUNDS.familyShare)} of a role's orders`,
  4: `No card decides a role: where a card was played, no role's win rate differs by more than ${(BOUNDS.cardEffect * 100).toFixed(0)} points from the games where it was not (cards played in under ${pct(BOUNDS.cardMeasurable)} or over ${pct(1 - BOUNDS.cardMeasurable)} of games cannot be compared and are listed apart)`,
  5: `Signals are evidence: the heuristic regulator's end-use checks find a hidden operation in ${pct(BOUNDS.hitRate.min)}–${pct(BOUNDS.hitRate.max)} of attempts`,
  6: `The race is open: among games a firm or the regulator won, at least ${pct(BOUNDS.openLate)} were not yet settled two rounds before the end`,
};

const SETTLED =
  "A firm's race is *settled* at the end of a round when nothing anyone could still do would " +
  'change its result: either its capability is at least the frontier plus every rise still ' +
  'possible (annual steps, a chip generation under way or still launchable in time, cards that ' +
  'move the frontier), or even everything in its pipeline (models waiting abroad, trainings ' +
  'running, a home run up to the home ceiling, a new offshore run where enough rounds remain, ' +
  "cards that add capability) would leave it under the frontier. A game's race is settled at " +
  "the first round from which every firm's race stays settled (game/sim/settled.ts; tested in " +
  'tests/sim.test.ts).';

export function balanceMarkdown(
  runs: readonly ScenarioRuns[],
  checks: readonly Check[],
  meta: ReportMeta,
): string {
  const failed = checks.filter((c) => !c.ok);
  const out = [
    '# Balance report',
    '',
    `Made by \`npm run balance\` on ${meta.date} at commit \`${meta.commit}\`, seed \`${meta.seed}\`:`,
    `${meta.games} games per run (${meta.banGames} for each run with a move family forbidden), every`,
    'shipped scenario, heuristic bots unless stated. Several seats can win the same game; a role wins',
    'when any of its seats does. Intervals are 95% Wilson score intervals; bounds are checked on the',
    "point estimates. Check 7 (history's order) is a property test: tests/properties.test.ts.",
    '',
    failed.length === 0
      ? `**All ${checks.length} checks hold.**`
      : `**${checks.length - failed.length} of ${checks.length} checks hold; ${failed.length} fail** (marked ✗ below).`,
    '',
    'Reproduce with `npm run balance -- --seed <seed>` (all cores); one run alone with',
    '`npm run simulate -- --scenario <id> --games 2000 --seed <seed> [--bots …] [--ban role:Family]`.',
    '',
  ];
  for (const n of [1, 2, 3, 4, 5, 6]) {
    const mine = checks.filter((c) => c.check === n);
    const bad = mine.filter((c) => !c.ok).length;
    out.push(
      `## Check ${n}: ${bad === 0 ? 'holds' : `${bad} of ${mine.length} fail`}`,
      '',
      CHECKS[n] + '.',
      '',
    );
    if (n === 6) out.push(SETTLED, '');
    out.push('| scenario | what | value | bound | detail |', '| --- | --- | --- | --- | --- |');
    for (const c of mine)
      out.push(
        `| ${c.scenario} | ${c.subject} | ${n === 4 ? `${c.value >= 0 ? '+' : ''}${(c.value * 100).toFixed(1)} pts` : pct(c.value)}${c.ok ? '' : ' ✗'} | ${c.bound} | ${c.detail ?? ''} |`,
      );
    if (n === 4) out.push('', ...unmeasurable(runs, meta));
    out.push('');
  }
  for (const run of runs) {
    out.push(`## ${run.scenario}`, '', '### Heuristic bots in every seat', '');
    out.push(
      ...roleTable(run.allHeuristic),
      '',
      ...seatTable(run.allHeuristic),
      '',
      lengthLine(run.allHeuristic),
      '',
      'Orders by move family: ' +
        Object.entries(run.allHeuristic.familyShares)
          .map(
            ([role, f]) =>
              `${role} — ${Object.entries(f)
                .map(([k, v]) => `${k} ${pct(v)}`)
                .join(', ')}`,
          )
          .join('; ') +
        '.',
      '',
    );
    out.push(
      '### With one move family forbidden',
      '',
      "| forbidden | role's win rate [95% CI] |",
      '| --- | --- |',
    );
    for (const [key, s] of Object.entries(run.banned)) {
      const r = s.roles.find((x) => x.role === key.split(':')[0]);
      if (r) out.push(`| ${key} | ${ci(r)} |`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}

function unmeasurable(runs: readonly ScenarioRuns[], meta: ReportMeta): string[] {
  const rows: string[] = [];
  for (const run of runs)
    for (const c of run.allHeuristic.cards) {
      const share = c.played / meta.games;
      if (share >= BOUNDS.cardMeasurable && share <= 1 - BOUNDS.cardMeasurable) continue;
      rows.push(`${run.scenario}: ${c.card} (played in ${c.played} of ${meta.games} games)`);
    }
  return rows.length
    ? ['Not comparable (played in nearly every game or nearly none): ' + rows.join('; ') + '.']
    : [];
}
