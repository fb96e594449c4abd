import { describe, expect, it } from 'vitest';
import { RULES, legalMoves, type GameState } from '../../game/engine';
import { frontierAtEnd } from '../../game/preview';
import { dashboard, goalLine, podsText } from '../../src/app/selectors/dashboard';
import { formatPct, plural } from '../../src/app/selectors/format';
import { fresh, playRounds, playerView, seat } from './fixtures';

/** The statuses a newcomer found wrong or misleading (issue 10, items 5 and 10). */

const REG = seat('0');
const LAB = seat('2');
const HUB = seat('3');

const stat = (G: GameState, who: typeof REG, label: string) =>
  dashboard(G, who).stats.find((s) => s.label === label)?.value;

describe('statuses say what is true', () => {
  it('a tightening announced to the top is not called "already at the highest level"', () => {
    const G = fresh();
    G.controlLevel = RULES.maxControlLevel - 1;
    G.pending.push({ kind: 'controlLevel', at: G.round });
    G.regulator.pc = 50;
    const tighten = legalMoves(G, REG).find((m) => m.move === 'tightenControls');
    expect(tighten?.allowed).toBe(false);
    expect(tighten?.reason).not.toMatch(/already at the highest level/);
    expect(tighten?.reason).toMatch(/already announced/);
    expect(stat(G, REG, 'Control level')).toBe(
      `${RULES.maxControlLevel - 1}/${RULES.maxControlLevel} (${RULES.maxControlLevel} announced)`,
    );
    G.pending = [];
    G.controlLevel = RULES.maxControlLevel;
    expect(legalMoves(G, REG).find((m) => m.move === 'tightenControls')?.reason).toMatch(
      /highest level/,
    );
  });

  it('a minimum is read as a minimum: never "6.3 of 4"', () => {
    const line = goalLine({ label: "Allies' average standing", now: 6.3, target: 4, met: true });
    expect(line).toBe("Allies' average standing: 6.3 (needs 4 or more)");
    expect(line).not.toMatch(/of 4/);
    expect(goalLine({ label: 'Cash', now: 12, target: 30, met: false, unit: '$' })).toBe(
      'Cash: $12 (needs $30 or more)',
    );
  });

  it('a lab one point behind the frontier in the last round, with nothing under way, is told it is losing', () => {
    const G = fresh();
    G.round = G.rounds;
    G.frontierEvery = 0;
    G.frontier = 11;
    G.firms[LAB].capability = 10;
    const lab = dashboard(playerView(G, LAB), LAB).outlook;
    expect(lab.tone).toBe('bad');
    expect(lab.text).toMatch(/last/);
    // The regulator's goal is met now, but that is not a green "on track": a hidden model can land.
    const reg = dashboard(playerView(G, REG), REG);
    expect(reg.goals.every((g) => g.met)).toBe(true);
    expect(reg.outlook.tone).not.toBe('good');
    expect(reg.outlook.text).toMatch(/1 behind/);
  });

  it('a lab with a model on its way home is told it can still make it', () => {
    const G = fresh();
    G.round = G.rounds;
    G.frontierEvery = 0;
    G.frontier = 11;
    const lab = G.firms[LAB];
    lab.capability = 10;
    lab.secrets.couriers.push({
      id: 'c1' as never,
      from: 'MY',
      to: 'CN',
      carriers: 1,
      tb: 1,
      model: 2,
      sentRound: G.round,
    });
    expect(dashboard(playerView(G, LAB), LAB).outlook.tone).toBe('warn');
  });

  it('the outlook counts the frontier steps still to come', () => {
    const G = fresh();
    G.firms[LAB].capability = G.frontier;
    const end = frontierAtEnd(G);
    if (end > G.frontier) expect(dashboard(playerView(G, LAB), LAB).outlook.tone).not.toBe('good');
    expect(dashboard(playerView(G, HUB), HUB).outlook.text).toMatch(
      new RegExp(`end of round ${G.rounds}`),
    );
  });

  it.each(['s1', 's2', 's3'])(
    'the frontier foreseen at the start of the last round is the frontier at the end (%s)',
    (seed) => {
      const G = fresh('classroom', seed);
      playRounds(G, G.rounds - 1, seed);
      expect(G.round).toBe(G.rounds);
      const foreseen = frontierAtEnd(playerView(G, REG));
      playRounds(G, 1, `${seed}/last`);
      expect(G.over).toBe(true);
      expect(G.frontier).toBe(foreseen);
    },
  );
});

describe('words for numbers', () => {
  it('pluralises pods and never writes "5/10 of a pod"', () => {
    expect(podsText(1)).toBe('1 pod');
    expect(podsText(3)).toBe('3 pods');
    expect(podsText(0.5)).toBe('0.5 of a pod');
    expect(plural(1, 'round')).toBe('1 round');
    const G = fresh();
    G.firms[LAB].secrets.homeCompute = RULES.computePerPod;
    expect(stat(playerView(G, LAB), LAB, 'Home compute')).toBe('1 pod');
    const domestic = legalMoves(G, LAB).find((m) => m.move === 'buyDomesticChips');
    expect(domestic?.summary).not.toMatch(/\d+\/\d+ of a pod/);
  });

  it('writes chances as whole percentages, with one decimal under one percent', () => {
    expect(formatPct(23)).toBe('23%');
    expect(formatPct(57.3)).toBe('57%');
    expect(formatPct(0.4)).toBe('0.4%');
    expect(formatPct(0)).toBe('0%');
  });
});
