import { CARD_USES, PLAYING_ROLES, type CardUse } from '../../../game/ids';
import { MOVES } from '../../../game/moves';
import { RESOLUTION_STEPS, stepOfMove } from '../../../game/orders/steps';
import { RULES } from '../../../game/rules';
import { table } from './markdown';
import { ROLE_NAMES } from './meanings';

/**
 * The round: planning, then the resolution steps in the engine's order (RESOLUTION_STEPS), with
 * the moves whose orders resolve at each step (stepOfMove); and what a card can be played for.
 */

/** What happens at each step, in a player's words; a step without words is a problem. */
const STEP_TEXT: Record<string, string> = {
  Planning:
    'Every seat at once, in secret: chooses up to its budget of orders and at most one card, may change them until it submits, then submits them sealed. The last submission starts the resolution.',
  'Cards played':
    'Every card played this round, oldest date first: capital is paid, and each event that fires happens.',
  'Hub governments': "The hub government's orders, in the order it gave them.",
  'Regulator: rules and diplomacy': "The regulator's rule-making and diplomatic orders.",
  'Chip vendor': "The vendor's orders.",
  'AI firms': "Each AI firm's orders, firms in seat order.",
  'Regulator: enforcement': "The regulator's enforcement orders: checks, alerts, listings.",
  'Rules and deliveries fall due':
    'Announced rules, permit regimes, new capacity, shipped servers, designs and chip generations whose time has come take effect.',
  'Couriers arrive':
    'Data couriers and carried models arrive; customs may stop carriers on the way.',
  'Trainings finish':
    'Trainings that are due finish (at home: capability rises, up to the home ceiling; abroad: a model waits in the hub); prepared data is ready.',
  'Cloud screening':
    'Under the cloud know-your-customer rule, leases may be exposed, and the regulator alone hears of hubs with suspicious customers.',
  'Income and rent':
    'Every seat is paid its income; firms pay rent on their leases (a lease whose rent is not paid lapses).',
  'Pressure, tension and heat':
    'Pressed hubs lose standing; China may retaliate, or tension eases; every firm cools down.',
  'Markets report':
    'Ordinary cloud demand drifts, and each hub publishes its (noisy) demand reading.',
  'Frontier and standings':
    "The frontier moves on its schedule, firms at it are noted, the standings are recorded; then the next round opens (or the game ends with the reckoning: models trained unseen on the hubs' servers cost the hubs investment).",
};

const CARD_USE_TEXT: Record<CardUse, string> = {
  event: 'Its event happens at the “Cards played” step.',
  action: 'You may give one more order this round than the scenario’s orders per round.',
  capital: `You gain ${RULES.cardCapital} political capital (the regulator) or $${RULES.cardCapital} (anyone else) at the “Cards played” step.`,
};

export function renderRound(): { body: string; problems: string[] } {
  const problems = RESOLUTION_STEPS.filter((s) => !STEP_TEXT[s]).map(
    (s) => `resolution step "${s}" has no words in src/cli/rulebook/round.ts`,
  );
  const rows = RESOLUTION_STEPS.map((name, step) => {
    const moves = MOVES.filter((m) => step > 0 && stepOfMove(m) === step);
    const roles = PLAYING_ROLES.filter((r) => moves.some((m) => m.role === r));
    const orders =
      moves.length === 0
        ? '—'
        : roles
            .map(
              (r) =>
                `${ROLE_NAMES[r]}: ${moves
                  .filter((m) => m.role === r)
                  .map((m) => `\`${m.name}\``)
                  .join(', ')}`,
            )
            .join('; ');
    return [step, name, STEP_TEXT[name] ?? '(no words yet)', orders];
  });
  const uses = CARD_USES.map((use) => [`\`${use}\``, CARD_USE_TEXT[use]]);
  const body = [
    table(['Step', 'Name', 'What happens', 'Orders that resolve here'], rows, ['r', 'l', 'l', 'l']),
    'A card in your hand can be played for:',
    table(['Use', 'What it does'], uses),
    [
      '- A card played for an extra order or for capital whose event favours **another** role still has its event happen: using the other side’s history does not stop it happening.',
      `- You hold at most ${RULES.handLimit} cards. Cards are dealt every ${RULES.dealEvery} rounds from the first, one a seat, in date order; a card whose rule is already in force is set aside, and a deal into a full hand lets your oldest card go.`,
    ].join('\n'),
  ].join('\n\n');
  return { body, problems };
}
