import {
  MOVES,
  RULES,
  type Cost,
  type GameState,
  type MoveName,
  type Role,
  type SeatId,
} from '../../../game/engine';
import { goalsOf, type Goal } from '../../../game/scoring';
import { frontierAtEnd } from '../../../game/preview';
import { ROLE_GOAL, ROLE_LABEL, formatCost } from '../selectors/format';

/** One role's card: what it wants, how it wins, its moves, and what the others see of it. */
export interface RoleCard {
  role: Role;
  title: string;
  /** The seats that play it in this match ("Beijing lab", "Shanghai lab"). */
  seats: string[];
  goal: string;
  /** The victory conditions, as the scoring code checks them at the end. */
  win: string[];
  moves: { move: MoveName; label: string; cost: string; line: string }[];
  /** What the other players can see of this role. */
  seen: string[];
  /** What to aim for in round one. */
  firstMove: string;
}

/** "$2", or "$2 to $8" when the cost depends on the choices. */
function costSpan(costs: Cost[]): string {
  const total = (c: Cost) => (c.cash ?? 0) + (c.pc ?? 0);
  const lo = costs.reduce((a, b) => (total(b) < total(a) ? b : a));
  const hi = costs.reduce((a, b) => (total(b) > total(a) ? b : a));
  return total(lo) === total(hi) ? formatCost(lo) : `${formatCost(lo)} to ${formatCost(hi)}`;
}

const ROLE_ORDER: Role[] = ['regulator', 'vendor', 'firm', 'hub', 'facilitator'];

/** What the reckoning at the end means for each role's goal. */
const RECKONING: Record<Role, string[]> = {
  regulator: [],
  vendor: [],
  firm: [],
  hub: [
    `Counted after the reckoning: every model a lab trained unseen on your servers costs you ${RULES.reckoningInvestmentPerPoint} investment a point of capability when the game ends.`,
  ],
  facilitator: [],
};

/** A victory condition as the end of the game checks it. */
export function winLine(g: Goal, G: GameState, role: Role): string {
  const u = g.unit ?? '';
  if (g.atMost)
    return `${g.label} below the frontier when the game ends (today ${g.now} against ${g.target}).`;
  if (role === 'firm') {
    const end = frontierAtEnd(G);
    return `${g.label} at least the frontier when the game ends: ${g.target} now${end > g.target ? `, ${end} by the last round` : ''} (you start at ${g.now}).`;
  }
  return `${g.label} at least ${u}${g.target} when the game ends (now ${u}${g.now}).`;
}

const SEEN: Record<Role, string[]> = {
  regulator: [
    'Public: your political capital, every rule you announce and when it takes effect.',
    'Your orders are secret until the round resolves, then everyone sees them.',
    'Only you see the tips cloud screening gives you.',
  ],
  vendor: [
    'Public: your cash, your shipments, designs and chip generations under way.',
    'Your orders are secret until the round resolves, then everyone sees them.',
  ],
  firm: [
    'Public: your capability and income; seizures and exposures that customs or checks make.',
    'Secret: your cash, data, local companies, leases, couriers, trainings, models and heat, until something is exposed.',
    'Your orders stay sealed until the game ends.',
  ],
  hub: [
    "Public: your cash and investment, every hub's standing, customs, permits and buildings.",
    'Your orders are secret until the round resolves, then everyone sees them.',
  ],
  facilitator: ['You see everything, every secret included; nobody sees your screen as a player.'],
};

const FIRST: Record<Role, string> = {
  regulator:
    'Round one: nobody has been caught yet, so spend little; watch the demand readings and put a customs alert or a check where a hub looks busy.',
  vendor:
    'Round one: ship chips to a hub with room. Every pod sold is money, and money is your goal.',
  firm: 'Round one: start the pipeline. Prepare data and open a company in a lax hub, so that you can lease and train next round.',
  hub: 'Round one: build capacity or invite a leasing fund. Investment is your goal, and standing is the price.',
  facilitator:
    'Start the game, pause it when the room needs to talk, and read every secret aloud at the end.',
};

/** Every role of the match, one card each, from the engine's goals and moves. */
export function roleCards(G: GameState): RoleCard[] {
  const roles = ROLE_ORDER.filter((r) => G.seats.some((s) => s.role === r));
  return roles.map((role) => {
    const seats = G.seats.filter((s) => s.role === role);
    const seat = seats[0].id as SeatId;
    const ctx = { state: G, seat };
    return {
      role,
      title: ROLE_LABEL[role],
      seats: seats.map((s) => s.name),
      goal: ROLE_GOAL[role],
      win:
        role === 'facilitator'
          ? ['The facilitator does not play to win.']
          : [...goalsOf(G, seat).map((g) => winLine(g, G, role)), ...RECKONING[role]],
      moves: MOVES.filter((m) => m.role === role && !G.disabledMoves.includes(m.name)).map((m) => {
        const options = m.options(ctx);
        const costs = (options.length ? options : [{}]).map((a) => m.cost(ctx, a));
        return { move: m.name, label: m.label, cost: costSpan(costs), line: m.summary };
      }),
      seen: SEEN[role],
      firstMove: FIRST[role],
    };
  });
}
