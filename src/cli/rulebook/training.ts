import { HUBS } from '../../../game/ids';
import { RULES } from '../../../game/rules';
import { table } from './markdown';
import { trainingRun } from './measure';

/** The training formula, with worked examples the engine itself trains. */

const predictUsed = (pods: number, tb: number): number =>
  Math.min(tb, pods * RULES.maxPerCarrierTB);
const predictGain = (pods: number, tb: number): number =>
  pods + Math.floor(predictUsed(pods, tb) / RULES.tbPerCapability);

export function renderTraining(): { body: string; problems: string[] } {
  const R = RULES;
  const problems: string[] = [];
  const hub = HUBS[0];
  const examples: [number, number, 'hub' | 'home'][] = [
    [1, R.maxPerCarrierTB, 'hub'],
    [1, 2 * R.maxPerCarrierTB, 'hub'],
    [2, 2 * R.maxPerCarrierTB, 'hub'],
    [R.maxLeasePods, 2 * R.maxPerCarrierTB, 'hub'],
    [R.maxLeasePods, R.maxLeasePods * R.maxPerCarrierTB, 'hub'],
    [R.maxLeasePods, R.maxLeasePods * R.maxPerCarrierTB + 2 * R.tbPerCapability, 'hub'],
    [1, R.prepareTB, 'home'],
  ];
  let rounds = NaN;
  const rows = examples.map(([pods, tb, where]) => {
    const run = trainingRun(pods, tb, where === 'home' ? 'home' : hub);
    if (!run) {
      problems.push(`training: the engine refused to train ${pods} pods on ${tb} TB (${where})`);
      return [pods, tb, where === 'home' ? 'at home' : 'abroad', '—', '—'];
    }
    rounds = run.rounds;
    // Abroad a run spends the data it reads; at home the lab's data stays for the next run.
    const spent = where === 'home' ? 0 : predictUsed(pods, tb);
    if (run.usedTB !== spent || run.gain !== predictGain(pods, tb)) {
      problems.push(
        `training: ${pods} pods on ${tb} TB (${where}): the engine spent ${run.usedTB} TB for +${run.gain}, the formula says ${spent} TB for +${predictGain(pods, tb)}`,
      );
    }
    if (run.rounds !== R.trainRounds)
      problems.push(
        `training: the engine took ${run.rounds} rounds, trainRounds is ${R.trainRounds}`,
      );
    return [
      pods,
      tb,
      where === 'home' ? 'at home' : 'abroad',
      predictUsed(pods, tb),
      `+${run.gain}`,
    ];
  });
  const last = rounds;
  const body = [
    `**Capability gained = pods + ⌊TB read ÷ ${R.tbPerCapability}⌋**, where TB read is the data at the site up to ${R.maxPerCarrierTB} TB per pod. Abroad the run spends what it reads, and data beyond that stays there for a later run; at home the lab's data stays for its next run. A run takes ${R.trainRounds} rounds counting the round it starts: started in round r, it finishes at the end of round r + ${R.trainRounds - 1}. It needs at least ${R.trainMinTB} TB at the site and one full pod; only one run at a time per site.`,
    table(['Pods', 'TB at the site', 'Where', 'TB read', 'Capability'], rows, [
      'r',
      'r',
      'l',
      'r',
      'r',
    ]),
    `A full trip abroad, by the engine's clock: couriers sent in round r land at the end of round r; a training started in round r + 1 finishes at the end of round r + ${last}; the weights, carried home in round r + ${last + 1}, land and count at the end of that round. Training at home skips the couriers and the carry: its capability counts when the run finishes.`,
  ].join('\n\n');
  return { body, problems };
}
