import { log } from './access';
import { RULES } from './rules';
import type { GameState, Pending } from './state';

/**
 * Lobbying works ahead of the news. The vendor hires lobbyists against tighter chip controls
 * before it knows what the regulator plans: a tightening announced while they are on retainer
 * takes effect later. Orders are secret and simultaneous, so a retainer is a bet on the
 * regulator's next move, and the retainer itself is public: the regulator can wait it out.
 */

export type RulePending = Extract<Pending, { kind: 'controlLevel' | 'licence' | 'kyc' }>;

type Tightening = Extract<Pending, { kind: 'controlLevel' | 'licence' }>;

const isTightening = (p: Pending): p is Tightening =>
  p.kind === 'controlLevel' || p.kind === 'licence';

/** Whether lobbyists hired earlier will fight a rule announced now. */
export const onRetainer = (state: GameState): boolean => state.vendor.lobbyUntil >= state.round;

function delay(state: GameState, rule: Tightening): void {
  rule.at += RULES.lobbyDelayRounds;
  rule.lobbied = true;
  state.vendor.lobbyUntil = 0;
  log(
    state,
    `The vendor's lobbyists win a delay: the tighter controls take effect ${RULES.lobbyDelayRounds} rounds later.`,
  );
}

/** The regulator announces a rule; lobbyists on retainer push a tightening back. */
export function announceRule(state: GameState, rule: RulePending): void {
  state.pending.push(rule);
  if (isTightening(rule) && onRetainer(state)) delay(state, rule);
}

/**
 * The vendor hires lobbyists: they fight a tightening announced earlier this round (the
 * regulator's orders resolve first) at once; if there is none, they stay on retainer through
 * next round.
 */
export function hireLobbyists(state: GameState): void {
  const fresh = state.pending.filter(isTightening).find((p) => !p.lobbied);
  if (fresh) {
    delay(state, fresh);
    return;
  }
  state.vendor.lobbyUntil = state.round + 1;
  log(state, 'The vendor puts lobbyists on retainer against tighter chip controls.');
}
