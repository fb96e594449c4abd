import { defineMove } from './types';
import { atHub, count, hub, none } from './arg-shapes';
import { z } from 'zod';
import { log, roomFor } from '../access';
import { searchHub } from '../detection';
import { hireLobbyists, onRetainer } from '../lobbying';
import { RULES } from '../rules';
import type { GameState } from '../state';
import { dueAt, eachHub, hubArg, hubName, intArg, isPending, requireHub, upTo } from './common';
import type { MoveArgs } from './types';
import { HUBS, type HubId } from '../ids';

const role = 'vendor' as const;

const maxShipment = (state: GameState, hub: HubId): number =>
  state.places[hub].licence ? RULES.shipLicencedMaxPods : RULES.shipMaxPods;

export const shipChips = defineMove({
  name: 'shipChips',
  args: z.strictObject({ hub, pods: count }),
  role,
  family: 'Sales',
  label: 'Ship chips to a hub',
  summary: `Sell top chips to a hub's data centres: $${RULES.shipRevenuePerPod} a pod ($${RULES.shipLicencedRevenuePerPod} where licences apply).`,
  delay: `Servers arrive and are paid for after ${RULES.shipDelay} round. One shipment a round.`,
  oncePerRound: true,
  risk: `Limited by the hub's capacity; at most ${RULES.shipMaxPods} pods (${RULES.shipLicencedMaxPods} under licence).`,
  options: () =>
    HUBS.flatMap((hub) => upTo(RULES.shipMaxPods).map((pods): MoveArgs => ({ hub, pods }))),
  cost: () => ({}),
  check: ({ state }, args) => {
    const bad = hubArg(args);
    if (bad) return bad;
    const hub = requireHub(args);
    const max = maxShipment(state, hub);
    const badPods = intArg(args.pods, 1, max, 'pods');
    if (badPods) return badPods;
    const room = roomFor(state, hub);
    if ((args.pods ?? 0) > room)
      return room <= 0
        ? `${hubName(hub)} has no free capacity`
        : `${hubName(hub)} has room for ${room} pods`;
    return null;
  },
  apply: ({ state }, args) => {
    const hub = requireHub(args);
    state.pending.push({
      kind: 'shipment',
      hub,
      pods: args.pods ?? 1,
      at: dueAt(state, RULES.shipDelay),
    });
    log(state, `The vendor ships ${args.pods} pods of servers to ${hubName(hub)}.`);
  },
});

export const designCompliantChip = defineMove({
  name: 'designCompliantChip',
  args: none,
  role,
  family: 'Products',
  label: 'Design a China-edition chip',
  summary: `A chip just under the current line: $${RULES.chinaEditionIncome} a round from China while the line holds.`,
  delay: `Ready after ${RULES.designDelay} rounds; useless if the line moves first.`,
  risk: 'A tighter rule before it is ready makes the design obsolete.',
  options: () => [{}],
  cost: () => ({ cash: RULES.designCost }),
  check: ({ state }) => {
    if (isPending(state, (p) => p.kind === 'compliantChip')) return 'a design is already under way';
    if (state.vendor.compliantLevel === state.controlLevel)
      return 'your China edition already meets the current rules';
    return null;
  },
  apply: ({ state }) => {
    state.pending.push({
      kind: 'compliantChip',
      level: state.controlLevel,
      at: dueAt(state, RULES.designDelay),
    });
    log(state, 'The vendor starts designing a new China-edition chip.');
  },
});

export const lobby = defineMove({
  name: 'lobby',
  args: none,
  role,
  family: 'Politics',
  label: 'Lobby against new chip rules',
  summary: `The next tightening or licence rule, this round or next, is delayed ${RULES.lobbyDelayRounds} rounds.`,
  delay:
    'Fights a rule announced this round at once; otherwise stays on retainer through next round.',
  risk: 'Wasted if the regulator announces nothing; the retainer is public, so it can wait.',
  options: () => [{}],
  cost: () => ({ cash: RULES.lobbyCost }),
  check: ({ state }) => (onRetainer(state) ? 'your lobbyists are already on retainer' : null),
  apply: ({ state }) => hireLobbyists(state),
});

export const auditDistributors = defineMove({
  name: 'auditDistributors',
  args: atHub,
  role,
  family: 'Compliance',
  label: 'Audit your distributors in a hub',
  summary: 'Due diligence: may expose hidden entities, and spares you fines there this year.',
  delay: 'At once; the protection lasts until the annual review.',
  risk: `Finds each hidden entity with ${RULES.auditBase}% + ${RULES.auditPerHeat}% per heat.`,
  options: eachHub,
  cost: () => ({ cash: RULES.auditCost }),
  check: ({ state }, args) =>
    hubArg(args) ??
    (state.vendor.audited.includes(requireHub(args)) ? 'already audited this year' : null),
  apply: ({ state }, args, rng) => {
    const hub = requireHub(args);
    state.vendor.audited.push(hub);
    const found = searchHub(
      state,
      hub,
      rng,
      'audit',
      `The vendor's distributor audit in ${hubName(hub)}`,
    );
    if (found === 0)
      log(state, `The vendor audits its distributors in ${hubName(hub)}: nothing found.`);
  },
});

export const launchGeneration = defineMove({
  name: 'launchGeneration',
  args: none,
  role,
  family: 'Products',
  label: 'Launch a new chip generation',
  summary: `The frontier moves ${RULES.generationFrontier} ahead and your income rises $${RULES.generationIncome} a round.`,
  delay: `Ready after ${RULES.generationDelay} rounds.`,
  risk: 'An expensive bet.',
  options: () => [{}],
  cost: () => ({ cash: RULES.generationCost }),
  check: ({ state }) =>
    isPending(state, (p) => p.kind === 'generation')
      ? 'a generation is already in development'
      : null,
  apply: ({ state }) => {
    state.pending.push({ kind: 'generation', at: dueAt(state, RULES.generationDelay) });
    log(state, 'The vendor starts a new chip generation.');
  },
});

export const applyRevenueShare = defineMove({
  name: 'applyRevenueShare',
  args: none,
  role,
  family: 'Politics',
  label: 'Apply for a revenue-share licence',
  summary: `Offer the regulator a share of China-edition sales for the right to keep selling above the line ($${RULES.revenueShareIncome} a round if granted).`,
  delay: 'The regulator may grant it from next round.',
  risk: `Costs $${RULES.revenueShareCost} in lawyers; the regulator may never grant it.`,
  options: () => [{}],
  cost: () => ({ cash: RULES.revenueShareCost }),
  check: ({ state }) => {
    if (state.vendor.revenueShare !== 'none') return 'you have already applied';
    if (state.vendor.compliantLevel < 0) return 'you have no China-edition chip to sell';
    if (state.vendor.compliantLevel === state.controlLevel)
      return 'your China edition is lawful as it is';
    return null;
  },
  apply: ({ state }) => {
    state.vendor.revenueShare = 'applied';
    log(state, 'The vendor applies for a revenue-share licence for its China-edition chips.');
  },
});

export const VENDOR_MOVES = [
  shipChips,
  designCompliantChip,
  lobby,
  auditDistributors,
  launchGeneration,
  applyRevenueShare,
] as const;
