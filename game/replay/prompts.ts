import { allFirms, seatName } from '../access';
import type { SeatId } from '../ids';
import { placeholdersOf, type PromptField } from '../scenarios/prompts';
import type { GameState } from '../state';
import { hiddenOperations } from './timeline';

const names = (xs: string[]): string =>
  xs.length === 0
    ? 'nobody'
    : xs.length === 1
      ? xs[0]
      : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/** The facts of this match the prompts may name. */
export function promptFacts(state: GameState): Record<PromptField, string> {
  const winners = state.outcome?.winners ?? [];
  const playing = state.seats.filter((s) => s.role !== 'facilitator');
  const firms = allFirms(state);
  const top = [...firms].sort((a, b) => b.capability - a.capability)[0];
  const ops = hiddenOperations(state);
  const seen = ops.filter((o) => o.seen);
  const checks = state.searches.filter((s) => s.by === 'check');
  return {
    winners: names(winners.map((w) => seatName(state, w))),
    losers: names(playing.filter((s) => !winners.includes(s.id)).map((s) => s.name)),
    rounds: String(state.over ? state.round : state.round - 1),
    frontier: String(state.frontier),
    firms: names(firms.map((f) => seatName(state, f.seat as SeatId))),
    topFirm: top ? seatName(state, top.seat as SeatId) : 'no firm',
    topCapability: String(top?.capability ?? 0),
    firstSeen: seen.length
      ? `round ${Math.min(...seen.map((o) => o.signals.find((s) => s.text.includes(o.firm))?.round ?? o.round))}`
      : 'never',
    hiddenOps: String(ops.length),
    unseenOps: String(ops.length - seen.length),
    seizedTB: String(state.seizedTB),
    checks: String(checks.length),
    checksFound: String(checks.filter((c) => c.found > 0).length),
    controlLevel: String(state.controlLevel),
    tension: String(state.tension),
  };
}

/** The scenario's prompts with this match's facts in place of their {placeholders}. */
export function fillPrompts(prompts: readonly string[], state: GameState): string[] {
  const facts = promptFacts(state);
  return prompts.map((p) =>
    placeholdersOf(p).reduce(
      (text, key) => text.replaceAll(`{${key}}`, facts[key as PromptField] ?? `{${key}}`),
      p,
    ),
  );
}
