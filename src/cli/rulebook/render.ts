import type { EffectOp } from '../../../game/events/types';
import { MOVES } from '../../../game/moves';
import { RULES } from '../../../game/rules';
import { readSections, writeSections } from './markdown';
import { EFFECT_MEANINGS } from './meanings';
import { engineConstants } from './measure';
import { limitProblems, renderMoves } from './moves';
import { numberProblems, quotable, renderEngineNumbers, renderNumbers } from './numbers';
import { renderOdds } from './odds';
import { missingMentions, proseProblems } from './prose';
import { renderRound } from './round';
import { renderScenarios, renderVictory } from './scenarios';
import { renderTraining } from './training';
import { renderCards, renderEffects, renderMap } from './world';

/**
 * Everything RULES.md generates from the code, rendered now. Pure: no files, no clock; the CLI
 * (src/cli/rulebook.ts) and tests/rulebook.test.ts both call it.
 */

export const SECTION_NAMES = [
  'round',
  'victory',
  'map',
  'odds',
  'training',
  'moves',
  'effects',
  'cards',
  'scenarios',
  'numbers',
  'engine-numbers',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

export interface Rendered {
  sections: Record<SectionName, string>;
  /** Numbers every prose quote is checked against: RULES and the measured engine numbers. */
  values: Record<string, number>;
  /** Faults found while rendering (a number without a meaning, a formula the engine contradicts). */
  problems: string[];
}

let cache: Rendered | null = null;

export function renderRulebook(): Rendered {
  if (cache) return cache;
  const constants = engineConstants();
  const odds = renderOdds({ chanceCap: RULES.chanceCap, checkFloor: RULES.chanceFloor });
  const training = renderTraining();
  const scenarios = renderScenarios();
  const round = renderRound();
  cache = {
    sections: {
      round: round.body,
      victory: renderVictory(),
      map: renderMap(),
      odds: odds.body,
      training: training.body,
      moves: renderMoves(),
      effects: renderEffects(),
      cards: renderCards(),
      scenarios: scenarios.body,
      numbers: renderNumbers(),
      'engine-numbers': renderEngineNumbers(constants),
    },
    values: quotable(constants),
    problems: [
      ...numberProblems(constants),
      ...limitProblems(),
      ...odds.problems,
      ...training.problems,
      ...scenarios.problems,
      ...round.problems,
    ],
  };
  return cache;
}

export interface Check {
  /** Generated sections whose text differs from what the code renders now (or that are missing). */
  stale: string[];
  /** Everything else that is wrong, each in a sentence. */
  problems: string[];
}

/** Compares a RULES.md text with the code. */
export function checkRulebook(doc: string): Check {
  const r = renderRulebook();
  const { sections, errors } = readSections(doc);
  const found = new Map(sections.map((s) => [s.name, s.body]));
  const stale = SECTION_NAMES.filter((name) => found.get(name) !== r.sections[name]);
  const unknown = sections
    .filter((s) => !(SECTION_NAMES as readonly string[]).includes(s.name))
    .map((s) => `RULES.md has a generated section "${s.name}" that nothing renders`);
  const problems = [
    ...errors,
    ...unknown,
    ...SECTION_NAMES.filter((n) => !found.has(n)).map(
      (n) => `RULES.md lacks the markers of section "${n}"`,
    ),
    ...r.problems,
    ...proseProblems(doc, r.values),
    ...missingMentions(
      doc,
      MOVES.map((m) => m.name),
      'move',
    ),
    ...missingMentions(doc, Object.keys(EFFECT_MEANINGS) as EffectOp['op'][], 'card effect'),
  ];
  return { stale, problems };
}

/** The RULES.md text with every generated section brought up to date. */
export function updateRulebook(doc: string): string {
  return writeSections(doc, renderRulebook().sections);
}
