import { averageStanding, hubPlace, roleOf } from './access';
import {
  carrierStopChance,
  findChance,
  inspectionChance,
  kycScreenChance,
  smuggleChance,
} from './detection';
import { isHub, type HubId, type SeatId } from './ids';
import { PLACE_INFO } from './map';
import { MOVE_BY_NAME } from './moves';
import type { MoveArgs, MoveName } from './moves/types';
import { draftedWorld } from './orders/plan';
import { seedRng } from './random';
import { noticeChance } from './resolution';
import { RULES } from './rules';
import type { GameState } from './state';
import { homeCeiling, rentFor, trainingGain } from './training';

/**
 * What an order will do, in numbers, before the seat commits to it: the chance of each roll it
 * faces, what it yields, and whether it can still pay off before the game ends. Every figure is
 * the engine's own: the detection functions the resolution rolls against, and the move itself
 * applied to a scratch copy of the world as the seat expects it after its earlier orders. It
 * reads only the seat's own view, so it reveals nothing the seat may not see.
 */

export interface Odds {
  /** What the percentage is the chance of, e.g. "Customs stop a carrier". */
  label: string;
  pct: number;
  /** 'bad' for a risk to the seat, 'good' for a chance of success. */
  tone: 'bad' | 'good';
}

export interface OrderPreview {
  odds: Odds[];
  /** What the order brings, one line each ("Capability +3 when the model is home"). */
  yields: string[];
  /** Why it cannot pay off before the game ends, or null. */
  tooLate: string | null;
}

const name = (hub: HubId): string => PLACE_INFO[hub].name;
const pctOf = (p: number): number => Math.round(p * 1000) / 10;
const roundWord = (n: number): string => `${n} round${n === 1 ? '' : 's'}`;

/** The chance that none of `n` independent rolls of `pct` percent comes up. */
const noneOf = (pct: number, n: number): number => pctOf((1 - pct / 100) ** n);

/**
 * The preview of one order as the seat's next: `state` may be the full state or the seat's own
 * view. The move must be one of the seat's role; the arguments are not checked here.
 */
export function previewOrder(
  state: GameState,
  seat: SeatId,
  move: MoveName,
  args: MoveArgs,
): OrderPreview {
  const before = draftedWorld(state, seat);
  const world = draftedWorld(state, seat);
  const spec = MOVE_BY_NAME[move];
  if (!spec || spec.role !== roleOf(world, seat)) return { odds: [], yields: [], tooLate: null };
  // The move itself, on the scratch copy: what it creates is what resolution will act on.
  spec.apply({ state: world, seat }, args, seedRng(`preview/${seat}/${move}`));
  const last = state.rounds;
  const out: OrderPreview = { odds: [], yields: [], tooLate: null };
  const firm = world.firms[seat];
  const heat = before.firms[seat]?.secrets.heat ?? 0;
  /** Rounds left after this one. */
  const after = last - state.round;
  /** A firm's data or model needs this many more rounds to become capability at home. */
  const toCapability = (fromRound: number): number => fromRound + RULES.trainRounds + 1;

  switch (move) {
    case 'prepareData': {
      out.yields.push(`${RULES.prepareTB} TB of data ready at home next round`);
      if (toCapability(state.round + 1) > last)
        out.tooLate = `Data ready next round could not be couriered, trained on for ${roundWord(RULES.trainRounds)} and carried home before the game ends after round ${last}.`;
      break;
    }
    case 'courierData': {
      const hub = args.hub as HubId;
      const courier = firm.secrets.couriers[firm.secrets.couriers.length - 1];
      const p = carrierStopChance(before, hub, courier, heat);
      out.odds.push({ label: `Customs in ${name(hub)} stop each carrier`, pct: p, tone: 'bad' });
      out.odds.push({
        label: `All ${courier.tb} TB get through`,
        pct: noneOf(p, courier.carriers),
        tone: 'good',
      });
      out.odds.push({
        label: 'If none is stopped, customs log the trip (a public clue)',
        pct: noticeChance(courier.carriers),
        tone: 'bad',
      });
      out.yields.push(`${courier.tb} TB of data in ${name(hub)} at the end of the round`);
      out.yields.push(`Heat +${RULES.seizedHeatPerCarrier} for each carrier stopped`);
      if (state.round + RULES.trainRounds + 1 > last)
        out.tooLate = `Data arriving this round could not be trained on for ${roundWord(RULES.trainRounds)} and carried home before the game ends after round ${last}.`;
      break;
    }
    case 'registerEntity': {
      const hub = args.hub as HubId;
      out.odds.push({
        label: `An end-use check in ${name(hub)} would find it`,
        pct: findChance(world, hub, firm.secrets.heat, 'check'),
        tone: 'bad',
      });
      out.yields.push(`Lets you lease servers in ${name(hub)}`);
      if (firm.secrets.heat > heat) out.yields.push(`Heat +${firm.secrets.heat - heat}`);
      break;
    }
    case 'leaseServers': {
      const hub = args.hub as HubId;
      const pods = args.pods ?? 1;
      out.yields.push(
        `${pods} pod${pods === 1 ? '' : 's'} to train on in ${name(hub)} (if free when your order resolves)`,
      );
      out.yields.push(
        `Rent $${rentFor(hubPlace(world, hub), pods)} a round${after > 0 ? ` (${roundWord(after)} left)` : ''}`,
      );
      if (world.kyc || world.pending.some((p) => p.kind === 'kyc'))
        out.odds.push({
          label: 'Cloud screening exposes the lease each round (once the rule is in force)',
          pct: kycScreenChance(heat),
          tone: 'bad',
        });
      break;
    }
    case 'train': {
      const at = args.at ?? 'home';
      const t = firm.secrets.trainings[firm.secrets.trainings.length - 1];
      const gain = trainingGain(t.pods, t.tb);
      const capped =
        at === 'home'
          ? Math.min(gain, Math.max(0, homeCeiling(world, firm) - firm.capability))
          : gain;
      const ready = at === 'home' ? t.doneRound : t.doneRound + 1;
      out.yields.push(
        at === 'home'
          ? `Capability +${capped} at the end of round ${t.doneRound} (${t.pods} pod${t.pods === 1 ? '' : 's'}, ${t.tb} TB; home chips stop at ${homeCeiling(world, firm)})`
          : `A model worth capability +${gain} in ${name(at)} at the end of round ${t.doneRound} (${t.pods} pod${t.pods === 1 ? '' : 's'}, ${t.tb} TB); it counts once carried home, round ${ready} at the earliest`,
      );
      if (t.doneRound > last)
        out.tooLate = `Training takes ${roundWord(RULES.trainRounds)}: it would finish after the game ends (round ${last}).`;
      else if (ready > last)
        out.tooLate = `The model would finish in round ${t.doneRound}, too late to carry it home before the game ends.`;
      if (isHub(at))
        out.odds.push({
          label: `An end-use check in ${name(at)} would expose your entity there`,
          pct: findChance(world, at, heat, 'check'),
          tone: 'bad',
        });
      break;
    }
    case 'carryModelHome': {
      const hub = args.hub as HubId;
      const courier = firm.secrets.couriers[firm.secrets.couriers.length - 1];
      const p = carrierStopChance(before, hub, courier, heat);
      out.odds.push({
        label: `Exit customs in ${name(hub)} seize the weights`,
        pct: p,
        tone: 'bad',
      });
      const most = before.frontierLead === null ? null : before.frontier + before.frontierLead;
      const lands =
        most === null
          ? null
          : Math.max(firm.capability, Math.min(firm.capability + courier.model, most));
      out.yields.push(
        lands !== null && lands < firm.capability + courier.model
          ? `Capability ${lands} at the end of the round, if it gets through (a model leads the frontier by at most ${before.frontierLead})`
          : `Capability +${courier.model} at the end of the round, if it gets through`,
      );
      break;
    }
    case 'buyDomesticChips':
    case 'buyCompliantChips': {
      const added = firm.secrets.homeCompute - before.firms[seat].secrets.homeCompute;
      out.yields.push(
        `Home compute +${added / RULES.computePerPod} of a pod (now ${firm.secrets.homeCompute / RULES.computePerPod})`,
      );
      const ceiling = homeCeiling(world, firm);
      if (firm.capability >= ceiling)
        out.yields.push(
          `Nothing yet: home chips train only up to capability ${ceiling} and you are at ${firm.capability}; they pay once the frontier moves on or smuggled chips lift that ceiling`,
        );
      break;
    }
    case 'smuggleChips': {
      const hub = args.hub as HubId;
      const p = smuggleChance(before, hub, heat);
      out.odds.push({ label: `Customs in ${name(hub)} catch the shipment`, pct: p, tone: 'bad' });
      out.yields.push(
        `If it gets through: your home ceiling +1 and ${RULES.smuggleCompute / RULES.computePerPod} pod of top chips at home`,
      );
      out.yields.push(`If caught: heat +${RULES.smuggleHeat} and your entity there is exposed`);
      break;
    }
    case 'endUseCheck':
    case 'auditDistributors': {
      const hub = args.hub as HubId;
      const by = move === 'endUseCheck' ? 'check' : 'audit';
      const lo = findChance(before, hub, 0, by);
      const hi = findChance(before, hub, RULES.heatMax, by);
      out.odds.push({
        label: `Finds each hidden entity in ${name(hub)} (owner at heat 0)`,
        pct: lo,
        tone: 'good',
      });
      out.odds.push({
        label: `… (owner at heat ${RULES.heatMax})`,
        pct: hi,
        tone: 'good',
      });
      if (move === 'auditDistributors')
        out.yields.push(`No fine for entities found in ${name(hub)} until the annual review`);
      break;
    }
    case 'customsAlert': {
      const hub = args.hub as HubId;
      const full = RULES.maxPerCarrierTB;
      out.odds.push({
        label: `A carrier with ${full} TB stopped in ${name(hub)}, before the alert`,
        pct: inspectionChance(before, hub, full, 0),
        tone: 'good',
      });
      out.odds.push({
        label: '… with the alert',
        pct: inspectionChance(world, hub, full, 0),
        tone: 'good',
      });
      break;
    }
    case 'setCustomsPosture': {
      const hub = args.hub as HubId;
      const full = RULES.maxPerCarrierTB;
      out.odds.push({
        label: `A carrier with ${full} TB stopped in ${name(hub)}, now`,
        pct: inspectionChance(before, hub, full, 0),
        tone: 'good',
      });
      out.odds.push({
        label: `… at ${args.posture} customs`,
        pct: inspectionChance(world, hub, full, 0),
        tone: 'good',
      });
      break;
    }
    default:
      break;
  }

  // Timing of delayed effects: rules, deliveries, designs and builds.
  for (const p of world.pending.slice(before.pending.length)) {
    if (p.at > last)
      out.tooLate = `It takes effect at the end of round ${p.at}, after the game ends (round ${last}).`;
    switch (p.kind) {
      case 'generation':
        out.yields.push(
          `Frontier +${RULES.generationFrontier} and income +$${RULES.generationIncome} a round from round ${p.at}${p.at <= last ? ` (${roundWord(last - p.at + 1)} of income)` : ''}`,
        );
        break;
      case 'compliantChip':
        out.yields.push(
          `$${RULES.chinaEditionIncome} a round from round ${p.at} while the line holds${p.at <= last ? ` (up to $${RULES.chinaEditionIncome * (last - p.at + 1)} by the end)` : ''}`,
        );
        break;
      case 'shipment': {
        const rate = hubPlace(world, p.hub).licence
          ? RULES.shipLicencedRevenuePerPod
          : RULES.shipRevenuePerPod;
        out.yields.push(`Cash +$${p.pods * rate} when the servers arrive, end of round ${p.at}`);
        break;
      }
      case 'capacity':
        out.yields.push(
          `Room for ${p.mw / RULES.mwPerPod} more pod in ${name(p.hub)} from round ${p.at + 1}`,
        );
        break;
      case 'controlLevel':
        if (p.at >= last)
          out.tooLate = `It would come into force only as the game ends: it changes nothing.`;
        out.yields.push(`Control level ${world.controlLevel + 1} in force from round ${p.at + 1}`);
        break;
      case 'kyc':
        if (p.at >= last)
          out.tooLate = `The rule would come into force only as the game ends: no lease would be screened.`;
        out.odds.push({
          label: 'Once in force: each hidden lease exposed each round (owner at heat 0)',
          pct: kycScreenChance(0),
          tone: 'good',
        });
        break;
      case 'licence':
        if (p.at >= last)
          out.tooLate = `Licences would apply only as the game ends: no shipment would be affected.`;
        break;
      case 'permit':
        out.yields.push(
          `Standing in ${name(p.hub)} +${RULES.permitStandingGain} at the end of round ${p.at}`,
        );
        break;
    }
  }

  // Public numbers the order moves now: money, investment, standing, tension.
  const dInvest = world.hub.investment - before.hub.investment;
  if (dInvest) out.yields.push(`Investment +${dInvest} (now ${world.hub.investment})`);
  if (args.hub) {
    const was = before.places[args.hub].standing;
    const now = world.places[args.hub].standing;
    if (now !== was)
      out.yields.push(
        `Standing of ${name(args.hub)} ${now > was ? '+' : '−'}${Math.abs(now - was)} (to ${now})`,
      );
  }
  const dStanding = Math.round((averageStanding(world) - averageStanding(before)) * 10) / 10;
  if (dStanding)
    out.yields.push(
      `Average standing ${dStanding > 0 ? '+' : '−'}${Math.abs(dStanding)} (to ${Math.round(averageStanding(world) * 10) / 10})`,
    );
  const dTension = world.tension - before.tension;
  if (dTension)
    out.yields.push(
      `Tension +${dTension} (to ${world.tension}; China retaliates at ${RULES.tensionRetaliationAt})`,
    );
  const dCash = world.vendor.cash - before.vendor.cash;
  if (dCash > 0 && roleOf(world, seat) === 'firm')
    out.yields.push(`The chip vendor earns $${dCash} from your purchase`);
  return out;
}

/**
 * The frontier the firms will face when the last round ends, from what every seat can see: the
 * scheduled steps still to come and the chip generations already in development.
 */
export function frontierAtEnd(state: GameState): number {
  let frontier = state.frontier;
  if (!state.over && state.frontierEvery > 0)
    for (let r = state.round; r <= state.rounds; r++)
      if (r % state.frontierEvery === 0) frontier += RULES.frontierStep;
  for (const p of state.pending)
    if (p.kind === 'generation' && p.at <= state.rounds) frontier += RULES.generationFrontier;
  return frontier;
}
