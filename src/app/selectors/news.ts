import { cardIn, type CardUse, type GameState, type SeatId } from '../../../game/engine';
import { formatDate, whenOf, roleOfSeat, seatName } from './format';

/** What a card shows wherever it appears: in a hand, in the news, in the recap. */
export interface CardFace {
  title: string;
  date: string;
  source: string;
  text: string;
  effect: string;
  favours: string;
}

export interface NewsView extends CardFace {
  key: string;
  quarter: string;
  /** Who brought it into play: a seat's name, or "Scheduled" for an inject. */
  by: string;
  /** What it was played for, in words (empty for an inject). */
  use: string;
  /** Whether its event happened (a card played for an order or capital may not fire). */
  fired: boolean;
}

export const USE_TEXT: Record<CardUse, string> = {
  event: 'for its event',
  action: 'for an extra order',
  capital: 'for capital',
};

/** Whether a played card's event fires: played for it, or it favours another role. */
export function fires(G: GameState, seat: SeatId, id: string, use: CardUse): boolean {
  if (use === 'event') return true;
  const favours = cardIn(G, id)?.favours;
  return favours !== undefined && favours !== 'neutral' && favours !== roleOfSeat(G, seat);
}

function cardView(
  G: GameState,
  id: string,
  round: number,
  by: SeatId | null,
  use: CardUse | null,
  key: string,
): NewsView | null {
  const card = cardIn(G, id);
  if (!card) return null;
  return {
    key,
    title: card.title,
    date: formatDate(card.date),
    source: card.source,
    text: card.text,
    effect: card.effectText,
    favours: card.favours,
    quarter: whenOf(G, round),
    by: by === null ? 'Scheduled' : seatName(G, by),
    use: use ? USE_TEXT[use] : '',
    fired: by === null || use === null ? true : fires(G, by, id, use),
  };
}

/**
 * The cards played in one round, from its opened plans (a played card is public): the state
 * keeps those of the round that resolved last.
 */
export function playedCards(G: GameState, round: number): NewsView[] {
  return G.opened
    .filter((p) => p.round === round && p.card)
    .flatMap((p) => {
      const c = p.card
        ? cardView(G, p.card.card, round, p.seat, p.card.use, `${round}-${p.seat}`)
        : null;
      return c ? [c] : [];
    });
}

/** The round whose resolution the players last saw: the one before this, or the last one. */
export const lastResolvedRound = (G: GameState): number => (G.over ? G.round : G.round - 1);

/**
 * The news on the board: this round's scheduled events, then the cards played in the round just
 * resolved (when the game is over, in the last round).
 */
export function newsCards(G: GameState): NewsView[] {
  const injects = G.news
    .filter((n) => n.by === null)
    .flatMap((n, i) => {
      const c = cardView(G, n.id, n.round, null, null, `inject-${i}`);
      return c ? [c] : [];
    });
  return [...injects, ...playedCards(G, lastResolvedRound(G))];
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
      quarter: whenOf(G, e.round),
      text: e.text,
      secret: e.to !== 'public',
    }))
    .reverse();
}

export interface SignalLine {
  key: string;
  quarter: string;
  /** What kind of evidence: a seizure, a trip customs logged, an exposure. */
  kind: string;
  text: string;
}

const SIGNAL_KIND: Record<string, string> = {
  seizure: 'seizure',
  notice: 'customs log',
  exposure: 'exposure',
};

/** Public evidence, newest first: a clue about where to look, not proof. */
export function signalLines(G: GameState): SignalLine[] {
  return G.signals
    .map((s, i) => ({
      key: `${i}`,
      quarter: whenOf(G, s.round),
      kind: SIGNAL_KIND[s.kind] ?? s.kind,
      text: s.text,
    }))
    .reverse();
}
