import {
  HUBS,
  RULES,
  legalMoves,
  planOrder,
  type CardUse,
  type GameState,
  type HubId,
  type MoveArgs,
  type MoveName,
  type Role,
  type SeatId,
} from '../../../game/engine';
import { findChance, inspectionChance, redFlagged } from '../../../game/detection';
import { frontierAtEnd, previewOrder, type OrderPreview } from '../../../game/preview';
import { goalsOf } from '../../../game/scoring';
import { homeCeiling } from '../../../game/training';
import { formatPct, placeName, plural, roleOfSeat } from '../selectors/format';
import { labeler, orderArgsText } from '../selectors/moves';
import { planningInfo } from '../selectors/planning';

/**
 * The coached first round: for the seat's role and this exact situation, what to aim for, which
 * orders to give and why (with the engine's numbers), which card to play, and why the order of
 * resolution matters before sealing. Pure: computed from the seat's own view.
 */

export interface CoachOrder {
  move: MoveName;
  args: MoveArgs;
  /** "Register a local entity in Malaysia". */
  what: string;
  /** The move's label as the move list shows it. */
  label: string;
  why: string[];
}

export interface CoachCard {
  card: string;
  title: string;
  use: CardUse;
  why: string;
}

export interface Coaching {
  role: Role;
  /** What winning takes, in this game's numbers. */
  aim: string[];
  orders: CoachOrder[];
  card: CoachCard | null;
  /** Why the sequence of resolution matters for this role, before sealing. */
  seal: string[];
}

type Scored = { args: MoveArgs; score: number };

/** The seat's allowed choices of a move on a world, best first by `score`. */
function best(world: GameState, seat: SeatId, move: MoveName, score: (a: MoveArgs) => number) {
  const option = legalMoves(world, seat).find((o) => o.move === move);
  if (!option?.allowed) return null;
  const scored: Scored[] = option.choices.map((c) => ({ args: c.args, score: score(c.args) }));
  scored.sort((a, b) => b.score - a.score);
  return { label: option.label, args: scored[0].args };
}

const oddsText = (p: OrderPreview): string =>
  p.odds.map((o) => `${o.label}: ${formatPct(o.pct)}`).join('; ');

const hubsWithRoom = (G: GameState): HubId[] =>
  HUBS.filter((h) => G.places[h].servers - G.places[h].demand > 0);

/** Candidate orders for a role, in the order to try them, each with its reason. */
type Candidate = {
  move: MoveName;
  score(world: GameState, seat: SeatId, a: MoveArgs): number;
  why(world: GameState, seat: SeatId, a: MoveArgs, p: OrderPreview): string[];
};

const by = (hub: HubId | undefined, pick: HubId | null): number => (hub === pick ? 1000 : 0);

function firmPlan(G: GameState, seat: SeatId): Candidate[] {
  const heat = G.firms[seat].secrets.heat;
  const open = hubsWithRoom(G);
  // The safest hub among those with servers to rent: the least likely to find a company there,
  // then the least likely to open a light bag of data, then the most room.
  const found = (h: HubId): number => findChance(G, h, heat, 'check');
  const bag = (h: HubId): number => inspectionChance(G, h, RULES.courierStepTB, heat);
  const room = (h: HubId): number => G.places[h].servers - G.places[h].demand;
  const target =
    [...(open.length ? open : HUBS)].sort(
      (a, b) => found(a) - found(b) || bag(a) - bag(b) || room(b) - room(a),
    )[0] ?? null;
  const where = target ? placeName(target) : 'a hub';
  return [
    {
      move: 'registerEntity',
      score: (_w, _s, a) => by(a.hub, target),
      why: (_w, _s, _a, p) => [
        `To train at the frontier you need servers abroad, and to rent them a local company. Of the hubs with servers free, ${where} is the safest: an end-use check there would find your company with ${formatPct(p.odds[0]?.pct ?? 0)}, and customs open a ${RULES.courierStepTB} TB bag with ${formatPct(target ? bag(target) : 0)}.`,
      ],
    },
    {
      move: 'courierData',
      // Everything you have, in the lightest bags: the best chance that all of it arrives.
      score: (w, s, a) =>
        by(a.hub, target) +
        (a.tb ?? 0) +
        (previewOrder(w, s, 'courierData', a).odds[1]?.pct ?? 0) / 1000,
      why: (_w, _s, a, p) => [
        `Your data must be where your servers are. ${a.tb} TB on ${plural(a.carriers ?? 1, 'carrier')}: ${oddsText(p)}.`,
        'Lighter bags are far safer: the chance of a bag being opened grows with the square of its load.',
      ],
    },
    {
      move: 'leaseServers',
      score: (_w, _s, a) => by(a.hub, target) + (a.pods ?? 0),
      why: (_w, _s, a) => [
        `Each pod adds one capability point to a training, and more data adds more (${RULES.tbPerCapability} TB a point). ${plural(a.pods ?? 1, 'pod')} now lets you start training next round, as soon as your data has landed.`,
      ],
    },
    {
      move: 'prepareData',
      score: () => 0,
      why: (_w, _s, _a, p) => [
        `Data takes a round to prepare: ${p.yields[0] ?? 'ready next round'}. Start it now so that it is ready to fly when you need it.`,
      ],
    },
  ];
}

function regulatorPlan(G: GameState): Candidate[] {
  // The hub a lab would most likely use: lax customs and servers to rent.
  const open = hubsWithRoom(G);
  const lax = (h: HubId): number => (G.places[h].customs === 'lax' ? 1 : 0);
  const room = (h: HubId): number => G.places[h].servers - G.places[h].demand;
  const target =
    [...(open.length ? open : HUBS)].sort((a, b) => lax(b) - lax(a) || room(b) - room(a))[0] ??
    null;
  const where = target ? placeName(target) : 'a hub';
  return [
    {
      move: 'customsAlert',
      score: (_w, _s, a) => by(a.hub, target),
      why: (_w, _s, _a, p) => [
        `A lab that wants to train abroad must fly its data in. ${where} has lax customs and free servers: the likeliest landing. ${oddsText(p)}.`,
      ],
    },
    {
      move: 'endUseCheck',
      score: (_w, _s, a) => by(a.hub, target),
      why: (_w, _s, _a, p) => [
        `Your checks resolve after the labs' orders, so a company registered in ${where} this very round can already be found. ${oddsText(p)}. An exposed company can then be put on the Entity List.`,
      ],
    },
    {
      move: 'cloudKyc',
      score: () => 0,
      why: (_w, _s, _a, p) => [
        `It takes ${plural(RULES.kycDelay, 'round')} to come into force, so it only helps you if you start early. ${oddsText(p)}.`,
      ],
    },
  ];
}

function vendorPlan(): Candidate[] {
  return [
    {
      move: 'shipChips',
      score: (w, _s, a) => (a.pods ?? 0) * 10 - (w.places[a.hub as HubId].licence ? 5 : 0),
      why: (_w, _s, a, p) => [
        `Sales are your steady money: ${p.yields[0] ?? ''}. ${plural(a.pods ?? 1, 'pod')} is the most this hub has room for.`,
      ],
    },
    {
      move: 'designCompliantChip',
      score: () => 0,
      why: (_w, _s, _a, p) => [
        `${p.yields[0] ?? ''}. It pays back its cost within a few rounds, if the Regulator does not tighten the line first.`,
      ],
    },
    {
      move: 'auditDistributors',
      score: (w, _s, a) =>
        (redFlagged(w, a.hub as HubId) ? 2 : 0) +
        (w.places[a.hub as HubId].customs === 'lax' ? 1 : 0),
      why: (w, _s, a, p) => [
        redFlagged(w, a.hub as HubId)
          ? `Red flags show in this hub (its utilisation jumped, or couriers were seized or noticed): if a lab's company is exposed here before you audit, you are fined $${RULES.fineUnaudited}. ${oddsText(p)}.`
          : `No red flag shows here yet: you are fined only where you ignored one. ${oddsText(p)}.`,
      ],
    },
  ];
}

function hubPlan(): Candidate[] {
  return [
    {
      move: 'buildCapacity',
      score: (w, _s, a) => -w.places[a.hub as HubId].capacityMW,
      why: (_w, _s, _a, p) => [
        `${p.yields.join('; ')}. Investment counts at once; the room fills with servers the Vendor ships, and every pod rented adds to your income.`,
      ],
    },
    {
      move: 'inviteLeasingFund',
      score: (w, _s, a) => w.places[a.hub as HubId].standing,
      why: (_w, _s, _a, p) => [
        `${p.yields.join('; ')}. The biggest single boost to investment; pick a hub whose standing can spare the loss.`,
      ],
    },
    {
      move: 'setCustomsPosture',
      score: (w, _s, a) =>
        a.posture === 'standard' ? 10 - w.places[a.hub as HubId].standing : -100,
      why: (_w, _s, _a, p) => [
        `${p.yields.join('; ')}. Standing is the other half of your goal; ${oddsText(p)}.`,
      ],
    },
  ];
}

function aimOf(G: GameState, seat: SeatId, role: Role): string[] {
  const goals = goalsOf(G, seat);
  const last = G.rounds;
  const fEnd = frontierAtEnd(G);
  switch (role) {
    case 'firm': {
      const f = G.firms[seat];
      const latest = last - RULES.trainRounds;
      return [
        `You win if your capability is at least the frontier when round ${last} ends. You are at ${f.capability}; the frontier is ${G.frontier} now and will be ${fEnd} by then, so you need ${plural(fEnd - f.capability, 'more point')}.`,
        `Training at home stops at ${homeCeiling(G, f)}: the frontier is only reachable abroad. A training takes ${plural(RULES.trainRounds, 'round')} and the model another to fly home, so your last useful training starts in round ${latest}. Start the pipeline now.`,
      ];
    }
    case 'regulator': {
      const [standing] = goals.filter((g) => !g.atMost);
      const labs = goals.filter((g) => g.atMost);
      return [
        `You win if no lab is at the frontier when round ${last} ends (${labs.map((g) => `${g.label.replace(' capability', '')} ${g.now}`).join(', ')}; the frontier will be ${fEnd}) and your allies' standing is at least ${standing?.target} (now ${standing?.now}).`,
        `You cannot see what the labs do, only clues. A model trained abroad can add several points in one round, so stopping data and companies early is worth more than catching up late. You have ${G.regulator.pc} political capital and earn ${G.regulator.pcPerRound} a round.`,
      ];
    }
    case 'vendor': {
      const [cash] = goals;
      return [
        `You win with at least $${cash?.target} when round ${last} ends; you have $${cash?.now}. Your base income is $${RULES.vendorIncome} a round, so the rest must come from sales and new products.`,
        'Money spent early on something that earns every round pays back the most.',
      ];
    }
    case 'hub': {
      const [inv, standing] = goals;
      return [
        `You win with investment at least ${inv?.target} (now ${inv?.now}) and average standing at least ${standing?.target} (now ${standing?.now}) when round ${last} ends.`,
        'Investment grows with what you build and with servers rented in your hubs, by anyone; standing falls when labs are caught in your hubs and when you court them too openly.',
      ];
    }
    default:
      return ['The facilitator does not play.'];
  }
}

const SEAL: Record<Role, string> = {
  firm: "Your orders resolve after the hubs', the Regulator's rules and the Vendor's, and before the Regulator's checks: a company you register now can be checked this very round. Couriers land near the end of the round.",
  regulator:
    "Your rules resolve before the labs act, your checks and alerts after them: this round's couriers already meet your alert, and companies registered this round can already be found.",
  vendor:
    'Your orders resolve after the Regulator announces rules: a shipment to a hub that gets a licence requirement this round still goes through, but at the licence rate once it is in force.',
  hub: 'Your orders resolve first of all: customs you set now already apply to this round’s couriers.',
  facilitator: '',
};

/** The coaching for the seat's first round, from its own view. */
export function coach(G: GameState, seat: SeatId): Coaching {
  const role = roleOfSeat(G, seat) ?? 'facilitator';
  const candidates =
    role === 'firm'
      ? firmPlan(G, seat)
      : role === 'regulator'
        ? regulatorPlan(G)
        : role === 'vendor'
          ? vendorPlan()
          : role === 'hub'
            ? hubPlan()
            : [];
  // Try the candidates in order on a scratch copy: each suggestion is legal after the ones before.
  const world = structuredClone(G);
  const plan = world.plans[seat];
  if (plan) {
    plan.orders = [];
    plan.card = null;
  }
  const budget = G.actionsPerRound;
  const label = labeler(G);
  const orders: CoachOrder[] = [];
  for (const c of candidates) {
    if (orders.length >= budget) break;
    const pick = best(world, seat, c.move, (a) => c.score(world, seat, a));
    if (!pick) continue;
    const p = previewOrder(world, seat, c.move, pick.args);
    const args = orderArgsText(pick.args, label);
    orders.push({
      move: c.move,
      args: pick.args,
      label: pick.label,
      what: args ? `${pick.label}: ${args}` : pick.label,
      why: c.why(world, seat, pick.args, p),
    });
    if (!planOrder(world, seat, c.move, pick.args).ok) break;
  }
  const hand = planningInfo(G, seat).hand;
  const helps = hand.find((h) => h.favours === role);
  const other = hand[0];
  const card: CoachCard | null = helps
    ? {
        card: helps.id,
        title: helps.title,
        use: 'event',
        why: `“${helps.title}” helps you: play it for its event (${helps.effect}).`,
      }
    : other
      ? {
          card: other.id,
          title: other.title,
          use: 'capital',
          why: other.firesAnyway
            ? `“${other.title}” helps another role, and its event happens whatever you do. Play it for capital: ${planningInfo(G, seat).capital} now.`
            : `“${other.title}” does little for you. Played for capital it gives ${planningInfo(G, seat).capital} now, and its event does not happen.`,
        }
      : null;
  return { role, aim: aimOf(G, seat, role), orders, card, seal: [SEAL[role]] };
}

/** Whether the seat's plan already holds the suggested order (same move, same hub). */
export const hasOrder = (G: GameState, seat: SeatId, o: CoachOrder): boolean =>
  (G.plans[seat]?.orders ?? []).some(
    (x) => x.move === o.move && (x.args.hub ?? x.args.at) === (o.args.hub ?? o.args.at),
  );
