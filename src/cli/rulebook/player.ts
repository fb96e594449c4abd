import { inspectionChance, smuggleChance } from '../../../game/detection';
import { POSTURES, type PlayingRole } from '../../../game/ids';
import { MOVES } from '../../../game/moves';
import type { MoveSpec } from '../../../game/moves/types';
import { RULES } from '../../../game/rules';
import { SCENARIOS, SCENARIO_IDS } from '../../../game/scenarios';
import type { GameState } from '../../../game/state';
import { trainingGain, usableTB } from '../../../game/training';
import { money, table } from './markdown';
import { engineConstants } from './measure';
import { quotable } from './numbers';
import { PROBE_HUB, probeFirm, quietState } from './probe';

/**
 * The player's rulebook, RULES.md: plain words, no code names. Its prose lives in a template
 * (docs/player-rules.template.md) that states every game number as a placeholder, `{{tightenPc}}`,
 * and places generated tables as `{{table:name}}`; `npm run rules` writes RULES.md from it and
 * tests/rulebook.test.ts fails when RULES.md is not what the code renders now. See
 * docs/rulebook.md for how both rulebooks are made.
 */

export const PLAYER_TEMPLATE = 'docs/player-rules.template.md';
export const PLAYER_RULEBOOK = 'RULES.md';

/** The section whose prose may state real-world figures (dates, terabytes of the true story). */
export const STORY_HEADING = '## The story';

export const ROLE_TITLES: Record<PlayingRole, string> = {
  regulator: 'Regulator',
  vendor: 'Chip vendor',
  firm: 'AI lab',
  hub: 'Hub governments',
};

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');

/** A state where every move's options can be costed: money, data and entities to spare. */
function costingState(): GameState {
  const state = quietState();
  state.regulator.pc = 100;
  state.vendor.cash = 100;
  state.hub.cash = 100;
  probeFirm(state).secrets.homeTB = 1000;
  return state;
}

/** A move's cost across its options, in words: "$2", "$1 to $4", "2 political capital". */
export function costText(spec: MoveSpec, state: GameState = costingState()): string {
  const seat = state.seats.find((s) => s.role === spec.role)?.id;
  if (!seat) return '—';
  const ctx = { state, seat };
  const options = spec.options(ctx);
  const costs = (options.length ? options : [{}]).map((a) => spec.cost(ctx, a));
  const cash = costs.map((c) => c.cash ?? 0);
  const pc = costs.map((c) => c.pc ?? 0);
  const range = (xs: number[], unit: (n: number) => string): string => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return lo === hi ? unit(lo) : `${unit(lo)} to ${unit(hi)}`;
  };
  if (Math.max(...pc) > 0) return range(pc, (n) => `${n} political capital`);
  if (Math.max(...cash) > 0) return range(cash, money);
  return 'free';
}

function movesTable(role: PlayingRole): string {
  return table(
    ['Move', 'Costs', 'What it does'],
    MOVES.filter((m) => m.role === role).map((m) => [`**${m.label}**`, costText(m), m.summary]),
  );
}

function customsTable(): string {
  const loads = [RULES.courierStepTB, RULES.maxPerCarrierTB];
  return table(
    ['Customs', ...loads.map((tb) => `A carrier with ${tb} TB`), 'A smuggled pod of chips'],
    POSTURES.map((posture) => {
      const state = quietState({ posture });
      return [
        posture,
        ...loads.map((tb) => `${inspectionChance(state, PROBE_HUB, tb, 0)}%`),
        `${smuggleChance(state, PROBE_HUB, 0)}%`,
      ];
    }),
    ['l', 'r', 'r', 'r'],
  );
}

function trainingTable(): string {
  const pods = Array.from({ length: RULES.maxLeasePods }, (_, i) => i + 1);
  const data = [RULES.trainMinTB, RULES.prepareTB, 2 * RULES.prepareTB, 4 * RULES.prepareTB];
  return table(
    ['Pods leased', ...data.map((tb) => `${tb} TB there`)],
    pods.map((p) => [p, ...data.map((tb) => `+${trainingGain(p, usableTB(p, tb))}`)]),
    ['r', ...data.map(() => 'r' as const)],
  );
}

function scenariosTable(): string {
  return table(
    [
      'Scenario',
      'Rounds',
      'Orders a round',
      'Lab starts at',
      'Frontier',
      'Vendor needs',
      'Hubs need',
      'Regulator needs',
    ],
    SCENARIO_IDS.map((id) => {
      const s = SCENARIOS[id];
      return [
        s.name,
        s.rounds,
        s.actionsPerRound,
        s.start.firmCapability,
        `${s.start.frontier}, +${RULES.frontierStep} every ${s.start.frontierEvery} rounds`,
        money(s.victory.vendorCash),
        `investment ${s.victory.hubInvestment}, standing ${s.victory.hubMinStanding}`,
        `standing ${s.victory.regulatorMinStanding}`,
      ];
    }),
    ['l', 'r', 'r', 'r', 'l', 'r', 'l', 'l'],
  );
}

const TABLES: Record<string, () => string> = {
  'moves:regulator': () => movesTable('regulator'),
  'moves:vendor': () => movesTable('vendor'),
  'moves:firm': () => movesTable('firm'),
  'moves:hub': () => movesTable('hub'),
  customs: customsTable,
  training: trainingTable,
  scenarios: scenariosTable,
};

/** The linked table of contents: every second-level heading after the contents themselves. */
function contents(template: string): string {
  return template
    .split('\n')
    .filter((l) => l.startsWith('## ') && l !== '## Contents')
    .map((l) => l.slice(3))
    .map((h) => `- [${h}](#${anchorOf(h)})`)
    .join('\n');
}

const PLACEHOLDER = /\{\{([a-z]+:)?([A-Za-z0-9:-]*)\}\}/g;

function withoutStory(text: string): string {
  const start = text.indexOf(`${STORY_HEADING}\n`);
  if (start < 0) return text;
  const next = text.indexOf('\n## ', start + STORY_HEADING.length);
  return text.slice(0, start) + (next < 0 ? '' : text.slice(next + 1));
}

export interface PlayerRules {
  text: string;
  problems: string[];
}

/** RULES.md as the code renders it from the template now, and what is wrong with the template. */
export function renderPlayerRules(template: string): PlayerRules {
  const values = quotable(engineConstants());
  const problems: string[] = [];
  // The prose may state a game number only as a placeholder: a bare digit could go stale.
  const prose = withoutStory(template)
    .replace(PLACEHOLDER, '')
    .replace(/^\s*\d+\.\s/gm, '');
  for (const line of prose.split('\n'))
    if (/\d/.test(line))
      problems.push(`the template states a number without a placeholder: "${line.trim()}"`);
  const text = template.replace(PLACEHOLDER, (whole, kind: string | undefined, key: string) => {
    if (kind === 'table:') {
      const make = TABLES[key];
      if (make) return make();
      problems.push(`the template asks for a table "${key}" that nothing renders`);
      return whole;
    }
    if (kind === undefined && key === 'contents') return contents(template);
    if (kind === undefined && Object.hasOwn(values, key)) return String(values[key]);
    problems.push(`the template names "${whole}", which is not a game number`);
    return whole;
  });
  problems.push(...developerText(text));
  return { text, problems };
}

/** Words a player should never meet: code names, commands, generator markers. */
export function developerText(text: string): string[] {
  const found: string[] = [];
  const codeName = /\b[a-z]+[A-Z][A-Za-z]*\b/g;
  for (const m of text.matchAll(codeName)) found.push(`a code name "${m[0]}"`);
  if (/`/.test(text)) found.push('a code span (backticks)');
  if (/npm |npx |<!--|generated:/.test(text)) found.push('a command or a generator marker');
  return [...new Set(found)].map((f) => `RULES.md shows players ${f}`);
}

/** Reading time at an ordinary adult pace (250 words a minute), tables included, in minutes. */
export const readingMinutes = (text: string): number =>
  text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length / 250;
