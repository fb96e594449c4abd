import { cardById, type GameState, type SeatId } from '../../../game/engine';
import { formatDate, quarterOf } from './format';

export interface NewsView {
  title: string;
  date: string;
  source: string;
  text: string;
  effect: string;
  favours: string;
  quarter: string;
}

export function newsView(G: GameState): NewsView | null {
  if (!G.news) return null;
  const card = cardById(G.news.id);
  if (!card) return null;
  return {
    title: card.title,
    date: formatDate(card.date),
    source: card.source,
    text: card.text,
    effect: card.effectText,
    favours: card.favours,
    quarter: quarterOf(G.startYear, G.news.round),
  };
}

export interface LogLine {
  key: string;
  round: number;
  quarter: string;
  text: string;
  /** Only this seat can read it. */
  secret: boolean;
}

/** Public entries and the seat's own secret ones, newest first. */
export function logLines(G: GameState, seat: SeatId | null): LogLine[] {
  return G.log
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.to === 'public' || e.to === seat)
    .map(({ e, i }) => ({
      key: `${i}-${e.round}`,
      round: e.round,
      quarter: quarterOf(G.startYear, e.round),
      text: e.text,
      secret: e.to !== 'public',
    }))
    .reverse();
}

export interface SignalLine {
  key: string;
  quarter: string;
  text: string;
}

export function signalLines(G: GameState): SignalLine[] {
  return G.signals
    .map((s, i) => ({ key: `${i}`, quarter: quarterOf(G.startYear, s.round), text: s.text }))
    .reverse();
}
