import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARDS } from '../game/events/cards';
import { moveProblemIn } from '../game/orders/plan';
import { thingId, type HubId } from '../game/ids';
import { MOVES } from '../game/moves';
import type { MoveArgs, MoveName } from '../game/moves/types';
import { RULES } from '../game/rules';
import type { GameState } from '../game/state';
import { EFFECT_MEANINGS, RULE_MEANINGS } from '../src/cli/rulebook/meanings';
import { readSections } from '../src/cli/rulebook/markdown';
import { addEntity, probeFirm, quietState } from '../src/cli/rulebook/probe';
import { proseProblems } from '../src/cli/rulebook/prose';
import { checkRulebook, renderRulebook, SECTION_NAMES } from '../src/cli/rulebook/render';
import {
  PLAYER_TEMPLATE,
  ROLE_TITLES,
  anchorOf,
  developerText,
  readingMinutes,
  renderPlayerRules,
} from '../src/cli/rulebook/player';

const doc = readFileSync(new URL('../docs/rulebook.md', import.meta.url), 'utf8');
const rendered = renderRulebook();

describe('RULES.md agrees with the code', () => {
  const found = new Map(readSections(doc).sections.map((s) => [s.name, s.body]));

  it.each(SECTION_NAMES.map((n) => [n]))(
    'generated section "%s" is what the code renders now (else run npm run rules)',
    (name) => {
      expect(found.has(name), `RULES.md lacks <!-- generated:${name} --> markers`).toBe(true);
      expect(found.get(name)).toBe(rendered.sections[name]);
    },
  );

  it('has no other problems (meanings, quoted numbers, formulas the engine contradicts)', () => {
    expect(checkRulebook(doc).problems).toEqual([]);
  });

  it('gives every RULES number a meaning', () => {
    expect(Object.keys(RULES).filter((k) => !RULE_MEANINGS[k])).toEqual([]);
  });

  it.each(MOVES.map((m) => [m.name]))('mentions the move `%s`', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  const ops = [
    ...new Set([
      ...Object.keys(EFFECT_MEANINGS),
      ...CARDS.flatMap((c) => c.effects.map((e) => e.op)),
    ]),
  ];
  it.each(ops.map((op) => [op]))('mentions the card effect `%s`', (op) => {
    expect(doc).toContain(`\`${op}\``);
  });
});

describe("RULES.md, the player's rulebook", () => {
  const rules = readFileSync(new URL('../RULES.md', import.meta.url), 'utf8');
  const template = readFileSync(new URL(`../${PLAYER_TEMPLATE}`, import.meta.url), 'utf8');
  const player = renderPlayerRules(template);

  it('is what its template and the code render now (else run npm run rules)', () => {
    expect(rules).toBe(player.text);
  });

  it('states every game number through the code and shows players no developer text', () => {
    expect(player.problems).toEqual([]);
    expect(rules).not.toMatch(/npm|<!--|generated:|`/);
    expect(rules).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
  });

  it('catches a stale number, a code name and a bare digit', () => {
    expect(renderPlayerRules('## A\n\nCosts {{nosuch}}.\n').problems).toEqual([
      'the template names "{{nosuch}}", which is not a game number',
    ]);
    expect(renderPlayerRules('## A\n\nCosts 3 political capital.\n').problems).toEqual([
      'the template states a number without a placeholder: "Costs 3 political capital."',
    ]);
    expect(developerText('Use `tightenControls` (npm run rules)')).toEqual([
      'RULES.md shows players a code name "tightenControls"',
      'RULES.md shows players a code span (backticks)',
      'RULES.md shows players a command or a generator marker',
    ]);
    expect(renderPlayerRules('## A\n\nIt costs {{tightenPc}}.\n').text).toContain(
      `It costs ${RULES.tightenPc}.`,
    );
  });

  it('reads in ten minutes', () => {
    expect(readingMinutes(rules)).toBeLessThanOrEqual(10);
  });

  it('opens with contents that link to every section', () => {
    const headings = [...rules.matchAll(/^## (.+)$/gm)]
      .map((m) => m[1])
      .filter((h) => h !== 'Contents');
    const links = [...rules.matchAll(/^- \[(.+)\]\(#([a-z0-9-]+)\)$/gm)];
    expect(links.map((m) => m[1])).toEqual(headings);
    expect(links.map((m) => m[2])).toEqual(headings.map(anchorOf));
    expect(rules.indexOf('## Contents')).toBeLessThan(rules.indexOf(`## ${headings[0]}`));
  });

  it('names every role and lists every move of each by the label the game uses', () => {
    for (const title of Object.values(ROLE_TITLES)) expect(rules).toContain(title);
    for (const m of MOVES) expect(rules).toContain(`**${m.label}**`);
  });
});

describe('the prose check', () => {
  const values = { tightenPc: 3, mwPerPod: 100 };
  it.each([
    ['costs 3 (`tightenPc`) political capital', []],
    ['each pod needs 100 MW (`mwPerPod`)', []],
    ['costs 4 (`tightenPc`)', ['prose quotes "4 (`tightenPc`)", but tightenPc is 3']],
    ['costs (`tightenPc`)', ['prose names (`tightenPc`) without its number in front']],
    [
      'costs 3 political capital',
      ['prose states a number without quoting its name: "costs 3 political capital"'],
    ],
    ['in step 6 of the resolution', []],
    ['1. an ordered list', []],
  ])('%s', (line, problems) => {
    expect(proseProblems(`# T\n\n${line}\n`, values)).toEqual(problems);
  });

  it('lets the story section state real-world figures', () => {
    expect(
      proseProblems('## What the game is about\n\n80 TB in 2025.\n\n## Next\n\nNone.\n', values),
    ).toEqual([]);
  });
});

/**
 * The "Not allowed when" sentences, played: each case starts from a quiet board where the move
 * is allowed (`allowed`), then changes one thing (`refuse`) that the rulebook says refuses it.
 */
const MY: HubId = 'MY';
const firmOf = (s: GameState) => probeFirm(s);
/** Every installed pod in the hub rented by ordinary customers. */
const fill = (s: GameState, hub: HubId) => {
  if (s.market) s.market.ordinary[hub] = s.places[hub].servers;
  s.places[hub].demand = s.places[hub].servers;
};
const model = (s: GameState) =>
  firmOf(s).secrets.models.push({ id: thingId('m1'), hub: MY, gain: 1 });

interface LimitCase {
  name: string;
  move: MoveName;
  args: MoveArgs;
  allowed?: (s: GameState) => void;
  refuse?: (s: GameState) => void;
  /** Arguments that are refused on the allowed board (instead of, or with, `refuse`). */
  refuseArgs?: MoveArgs;
}

// prettier-ignore
const CASES: LimitCase[] = [
  { name: 'controls at the highest level', move: 'tightenControls', args: {}, refuse: (s) => (s.controlLevel = RULES.maxControlLevel) },
  { name: 'a tightening announced to the top', move: 'tightenControls', args: {}, allowed: (s) => (s.controlLevel = RULES.maxControlLevel - 1), refuse: (s) => s.pending.push({ kind: 'controlLevel', at: 2 }) },
  { name: 'licences already required', move: 'extendLicence', args: { hub: MY }, refuse: (s) => (s.places.MY.licence = true) },
  { name: 'licences already announced', move: 'extendLicence', args: { hub: MY }, refuse: (s) => s.pending.push({ kind: 'licence', hub: MY, at: 2 }) },
  { name: 'entity not exposed', move: 'listEntity', args: { entity: 'probe-e-MY' }, allowed: (s) => { addEntity(s, MY); firmOf(s).secrets.entities[0].exposed = true; }, refuse: (s) => (firmOf(s).secrets.entities[0].exposed = false) },
  { name: 'entity already listed', move: 'listEntity', args: { entity: 'probe-e-MY' }, allowed: (s) => { addEntity(s, MY); firmOf(s).secrets.entities[0].exposed = true; }, refuse: (s) => (firmOf(s).secrets.entities[0].listed = true) },
  { name: 'end-use checks are never refused', move: 'endUseCheck', args: { hub: MY } },
  { name: 'an alert already covers next round', move: 'customsAlert', args: { hub: MY }, refuse: (s) => (s.places.MY.alertUntil = s.round + 1) },
  { name: 'press a hub with a permit regime', move: 'pressHub', args: { hub: MY }, refuse: (s) => (s.places.MY.permit = 'permit') },
  { name: 'press a hub already pressed', move: 'pressHub', args: { hub: MY }, refuse: (s) => (s.places.MY.pressure = 1) },
  { name: 'KYC already in force', move: 'cloudKyc', args: {}, refuse: (s) => (s.kyc = true) },
  { name: 'KYC already announced', move: 'cloudKyc', args: {}, refuse: (s) => s.pending.push({ kind: 'kyc', at: 3 }) },
  { name: 'too many pods in one shipment', move: 'shipChips', args: { hub: MY, pods: RULES.shipMaxPods }, refuseArgs: { hub: MY, pods: RULES.shipMaxPods + 1 } },
  { name: 'too many pods under licence', move: 'shipChips', args: { hub: MY, pods: RULES.shipLicencedMaxPods }, allowed: (s) => (s.places.MY.licence = true), refuseArgs: { hub: MY, pods: RULES.shipLicencedMaxPods + 1 } },
  { name: 'no room in the hub', move: 'shipChips', args: { hub: MY, pods: 1 }, refuse: (s) => (s.places.MY.servers = Math.floor(s.places.MY.capacityMW / RULES.mwPerPod)) },
  { name: 'no room counting servers on the way', move: 'shipChips', args: { hub: MY, pods: 1 }, allowed: (s) => (s.places.MY.servers = Math.floor(s.places.MY.capacityMW / RULES.mwPerPod) - 1), refuse: (s) => s.pending.push({ kind: 'shipment', hub: MY, pods: 1, at: 2 }) },
  { name: 'China edition already meets the rules', move: 'designCompliantChip', args: {}, allowed: (s) => (s.vendor.compliantLevel = -1), refuse: (s) => (s.vendor.compliantLevel = s.controlLevel) },
  { name: 'a design already under way', move: 'designCompliantChip', args: {}, allowed: (s) => (s.vendor.compliantLevel = -1), refuse: (s) => s.pending.push({ kind: 'compliantChip', level: 0, at: 3 }) },
  { name: 'lobbyists already on retainer', move: 'lobby', args: {}, allowed: (s) => (s.vendor.lobbyUntil = s.round - 1), refuse: (s) => (s.vendor.lobbyUntil = s.round + 1) },
  { name: 'hub already audited this year', move: 'auditDistributors', args: { hub: MY }, refuse: (s) => s.vendor.audited.push(MY) },
  { name: 'a generation already in development', move: 'launchGeneration', args: {}, refuse: (s) => s.pending.push({ kind: 'generation', at: 4 }) },
  { name: 'preparing data is never refused', move: 'prepareData', args: {} },
  { name: 'more data than prepared', move: 'courierData', args: { hub: MY, tb: RULES.maxPerCarrierTB, carriers: 1 }, allowed: (s) => (firmOf(s).secrets.homeTB = RULES.maxPerCarrierTB), refuse: (s) => (firmOf(s).secrets.homeTB = RULES.maxPerCarrierTB - 1) },
  { name: 'too much per carrier', move: 'courierData', args: { hub: MY, tb: RULES.maxPerCarrierTB, carriers: 1 }, allowed: (s) => (firmOf(s).secrets.homeTB = 1000), refuseArgs: { hub: MY, tb: RULES.maxPerCarrierTB + 1, carriers: 1 } },
  { name: 'too many carriers', move: 'courierData', args: { hub: MY, tb: RULES.maxCarriers, carriers: RULES.maxCarriers }, allowed: (s) => (firmOf(s).secrets.homeTB = 1000), refuseArgs: { hub: MY, tb: RULES.maxCarriers + 1, carriers: RULES.maxCarriers + 1 } },
  { name: 'an entity already there', move: 'registerEntity', args: { hub: MY }, refuse: (s) => addEntity(s, MY) },
  { name: 'no entity in the hub', move: 'leaseServers', args: { hub: MY, pods: 1 }, allowed: (s) => addEntity(s, MY), refuse: (s) => (firmOf(s).secrets.entities[0].listed = true) },
  { name: 'too many pods in one lease', move: 'leaseServers', args: { hub: MY, pods: RULES.maxLeasePods }, allowed: (s) => addEntity(s, MY), refuseArgs: { hub: MY, pods: RULES.maxLeasePods + 1 } },
  { name: 'no servers in the hub', move: 'leaseServers', args: { hub: MY, pods: 1 }, allowed: (s) => addEntity(s, MY), refuse: (s) => (s.places.MY.servers = 0) },
  { name: 'leases would pass the cap', move: 'leaseServers', args: { hub: MY, pods: 1 }, allowed: (s) => addEntity(s, MY, RULES.maxLeasePods - 1), refuse: (s) => (firmOf(s).secrets.leases[0].pods = RULES.maxLeasePods) },
  { name: 'too little data at the site', move: 'train', args: { at: MY }, allowed: (s) => { addEntity(s, MY, 1); firmOf(s).secrets.dataAt.MY = RULES.trainMinTB; }, refuse: (s) => (firmOf(s).secrets.dataAt.MY = RULES.trainMinTB - 1) },
  { name: 'no lease at the site', move: 'train', args: { at: MY }, allowed: (s) => { addEntity(s, MY, 1); firmOf(s).secrets.dataAt.MY = 100; }, refuse: (s) => (firmOf(s).secrets.leases = []) },
  { name: 'a training already running there', move: 'train', args: { at: MY }, allowed: (s) => { addEntity(s, MY, 1); firmOf(s).secrets.dataAt.MY = 100; }, refuse: (s) => firmOf(s).secrets.trainings.push({ id: thingId('t1'), at: MY, pods: 1, tb: 20, doneRound: 2, exposed: false }) },
  { name: 'at the home ceiling', move: 'train', args: { at: 'home' }, allowed: (s) => { firmOf(s).secrets.homeCompute = 1000; firmOf(s).secrets.homeTB = 100; firmOf(s).capability = s.frontier - RULES.homeGap - 1; }, refuse: (s) => (firmOf(s).capability = s.frontier - RULES.homeGap) },
  { name: 'already applied for a revenue share', move: 'applyRevenueShare', args: {}, allowed: (s) => (s.vendor.compliantLevel = s.controlLevel - 1), refuse: (s) => (s.vendor.revenueShare = 'applied') },
  { name: 'a lawful China edition needs no revenue share', move: 'applyRevenueShare', args: {}, allowed: (s) => (s.vendor.compliantLevel = s.controlLevel - 1), refuse: (s) => (s.vendor.compliantLevel = s.controlLevel) },
  { name: 'no China edition to share', move: 'applyRevenueShare', args: {}, allowed: (s) => (s.vendor.compliantLevel = s.controlLevel - 1), refuse: (s) => (s.vendor.compliantLevel = -1) },
  { name: 'nothing applied for to grant', move: 'grantRevenueShare', args: {}, allowed: (s) => (s.vendor.revenueShare = 'applied'), refuse: (s) => (s.vendor.revenueShare = 'none') },
  { name: 'a revenue share already granted', move: 'grantRevenueShare', args: {}, allowed: (s) => (s.vendor.revenueShare = 'applied'), refuse: (s) => (s.vendor.revenueShare = 'granted') },
  { name: 'less than one pod at home', move: 'train', args: { at: 'home' }, allowed: (s) => { firmOf(s).secrets.homeCompute = 1000; firmOf(s).secrets.homeTB = 100; }, refuse: (s) => (firmOf(s).secrets.homeCompute = 1) },
  { name: 'no model waiting', move: 'carryModelHome', args: { hub: MY }, allowed: model, refuse: (s) => (firmOf(s).secrets.models = []) },
  { name: 'domestic chips are never refused', move: 'buyDomesticChips', args: {} },
  { name: 'no China edition on sale', move: 'buyCompliantChips', args: {}, allowed: (s) => (s.vendor.compliantLevel = s.controlLevel), refuse: (s) => (s.vendor.compliantLevel = -1) },
  { name: 'no free servers to smuggle', move: 'smuggleChips', args: { hub: MY }, refuse: (s) => fill(s, MY) },
  { name: 'a build already under way', move: 'buildCapacity', args: { hub: MY }, refuse: (s) => s.pending.push({ kind: 'capacity', hub: MY, mw: 100, at: 2 }) },
  { name: 'permit regime already in force', move: 'setPermitRegime', args: { hub: MY, permit: 'permit' }, refuse: (s) => (s.places.MY.permit = 'permit') },
  { name: 'no permit regime to drop', move: 'setPermitRegime', args: { hub: MY, permit: 'none' }, allowed: (s) => (s.places.MY.permit = 'permit'), refuse: (s) => (s.places.MY.permit = 'none') },
  { name: 'permit regime already announced', move: 'setPermitRegime', args: { hub: MY, permit: 'permit' }, refuse: (s) => s.pending.push({ kind: 'permit', hub: MY, at: 2 }) },
  { name: 'customs already at that posture', move: 'setCustomsPosture', args: { hub: MY, posture: 'strict' }, refuse: (s) => (s.places.MY.customs = 'strict') },
  { name: 'a fund already there', move: 'inviteLeasingFund', args: { hub: MY }, refuse: (s) => (s.places.MY.leasingFund = true) },
  { name: 'no room for a fund', move: 'inviteLeasingFund', args: { hub: MY }, refuse: (s) => (s.places.MY.servers = Math.floor(s.places.MY.capacityMW / RULES.mwPerPod) - RULES.fundPods + 1) },
];

function stage(c: LimitCase, refused: boolean): { state: GameState; problem: string | null } {
  const state = quietState();
  state.regulator.pc = 100;
  state.vendor.cash = 100;
  state.hub.cash = 100;
  state.controlLevel = 1;
  probeFirm(state).capability = 0;
  c.allowed?.(state);
  if (refused) c.refuse?.(state);
  const spec = MOVES.find((m) => m.name === c.move);
  const seat = state.seats.find((s) => s.role === spec?.role)?.id;
  if (!seat) throw new Error(`no seat for ${c.move}`);
  return {
    state,
    problem: moveProblemIn(state, seat, c.move, refused ? (c.refuseArgs ?? c.args) : c.args),
  };
}

describe('"Not allowed when", played', () => {
  it.each(CASES.map((c) => [`${c.move}: ${c.name}`, c] as const))('%s', (_name, c) => {
    expect(stage(c, false).problem).toBeNull();
    if (c.refuse || c.refuseArgs) expect(stage(c, true).problem).not.toBeNull();
  });

  it('plays at least one case for every move', () => {
    expect(MOVES.map((m) => m.name).filter((n) => !CASES.some((c) => c.move === n))).toEqual([]);
  });
});
