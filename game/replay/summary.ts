import { seatName } from '../access';
import { indicatorsOf } from '../indicators';
import { cardIn } from '../orders/cards';
import type { SeatId } from '../ids';
import type { GameState } from '../state';
import type { Replayed } from './replay';

/** One round of a replayed match, in a few facts anyone at the table would recognise. */
export interface RoundSummary {
  round: number;
  /** The stretch of history the round covers. */
  from: string;
  to: string;
  /** Cards played (who, which, for what) and injects. */
  cards: string[];
  /** Public signals of the round: seizures, customs notices, exposures. */
  signals: string[];
  /** End-use checks and audits, and how many entities each found. */
  searches: string[];
  frontier: number;
  capability: Record<string, number>;
  controlLevel: number;
  tension: number;
  vendorCash: number;
  hubInvestment: number;
  /** Seats that would win had the game ended with this round. */
  leaders: string[];
}

/** The last state of a replay: where the match stands. */
export const lastState = (replay: Replayed): GameState => replay.states[replay.states.length - 1];

/**
 * The last state with the whole log, every signal and every round's opened plans. A state keeps
 * only the last round's log lines and plans and its most recent signals (game/access.ts,
 * game/resolution.ts), so they are gathered from each round's end.
 */
const chronicles = new WeakMap<Replayed, GameState>();

export function chronicle(replay: Replayed): GameState {
  const known = chronicles.get(replay);
  if (known) return known;
  const last = lastState(replay);
  const resolved = last.over ? last.round : last.round - 1;
  const log: GameState['log'] = replay.states[0].log.filter((e) => e.round === 1);
  const signals: GameState['signals'] = [];
  const opened: GameState['opened'] = [];
  for (let r = 1; r <= resolved; r++) {
    const next = replay.roundStart[r + 1];
    const end = next === undefined ? last : replay.states[next];
    const opens = (e: GameState['log'][number]) => e.round === r + 1 && e.step === 0;
    log.push(...end.log.filter((e) => (e.round === r && e.step > 0) || opens(e)));
    signals.push(...end.signals.filter((s) => s.round === r));
    opened.push(...end.opened.filter((p) => p.round === r));
  }
  const whole = { ...last, log, signals, opened };
  chronicles.set(replay, whole);
  return whole;
}

/** Every resolved round of a replayed match, from its chronicle. */
export function roundSummaries(replay: Replayed): RoundSummary[] {
  const last = chronicle(replay);
  const name = (seat: string) => seatName(last, seat as SeatId);
  const resolved = last.over ? last.round : last.round - 1;
  const out: RoundSummary[] = [];
  for (let r = 1; r <= resolved; r++) {
    const row = indicatorsOf(last.indicators, r);
    if (!row) continue;
    const span = last.calendar[r - 1] ?? { from: '', to: '' };
    const cards = [
      ...last.scheduled
        .filter((x) => x.round === r)
        .map((x) => `inject: ${cardIn(last, x.card)?.title ?? x.card}`),
      ...last.opened
        .filter((p) => p.round === r && p.card)
        .map(
          (p) =>
            `${name(p.seat)}: ${cardIn(last, p.card!.card)?.title ?? p.card!.card} (${p.card!.use})`,
        ),
    ];
    out.push({
      round: r,
      from: span.from,
      to: span.to,
      cards,
      signals: last.signals.filter((s) => s.round === r).map((s) => `${s.hub}: ${s.text}`),
      searches: last.searches
        .filter((s) => s.round === r)
        .map(
          (s) =>
            `${s.by === 'check' ? 'end-use check' : 'audit'} in ${s.hub}: ${s.found ? `found ${s.found}` : 'found nothing'}`,
        ),
      frontier: row.frontier,
      capability: Object.fromEntries(Object.entries(row.capability).map(([s, v]) => [name(s), v])),
      controlLevel: row.controlLevel,
      tension: row.tension,
      vendorCash: row.vendorCash,
      hubInvestment: row.hubInvestment,
      leaders: row.leaders.map(name),
    });
  }
  return out;
}

/** The result in words: each seat, won or not, and why; or where an unfinished match stands. */
export function resultLines(replay: Replayed): string[] {
  const last = lastState(replay);
  if (!last.over || !last.outcome)
    return [`Not finished: stopped in round ${last.round} of ${last.rounds}.`];
  return last.seats
    .filter((s) => s.role !== 'facilitator')
    .map((s) => {
      const won = last.outcome!.winners.includes(s.id);
      const why = last.outcome!.reasons[s.id] ?? '';
      return `${won ? 'WON ' : 'lost'}  ${s.name} (${s.role})${why ? `: ${why}` : ''}`;
    });
}
