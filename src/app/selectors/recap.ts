import { RESOLUTION_STEPS, type GameState, type SeatId } from '../../../game/engine';
import { whenOf } from './format';
import { lastResolvedRound, playedCards, type NewsView } from './news';

export interface RecapLine {
  key: string;
  text: string;
  /** Only the viewing seat can read it. */
  secret: boolean;
  /** An order of the viewer's that could not be carried out. */
  failed: boolean;
}

export interface RecapStep {
  step: number;
  name: string;
  lines: RecapLine[];
}

export interface Recap {
  round: number;
  quarter: string;
  /** The resolution, step by step; only steps that wrote something the viewer may read. */
  steps: RecapStep[];
  /** The cards played this round, who played them and for what. */
  cards: NewsView[];
  /** What happened as the next round opened (scheduled news, annual review, cards dealt). */
  opening: RecapLine[];
  /**
   * What happened to the reader, first: every line only it may read and every public line that
   * names it (its company listed, its data seized), from the steps and the opening alike; empty
   * for a spectator. The same lines stay in `steps`/`opening`; the screen shows them once.
   */
  mine: RecapLine[];
}

/** The resolution step at which played cards take effect. */
export const CARDS_STEP: number = RESOLUTION_STEPS.indexOf('Cards played');

const lineOf = (text: string, to: string, key: string): RecapLine => ({
  key,
  text,
  secret: to !== 'public',
  failed: /^Your order did not happen/.test(text),
});

/**
 * What one seat (or a spectator, null) may know about a resolved round: its log entries of that
 * round grouped by resolution step, in the published order, and the cards played.
 */
export function roundRecap(
  G: GameState,
  viewer: SeatId | null,
  round: number = lastResolvedRound(G),
): Recap {
  // The facilitator reads every seat's lines (its view holds the whole log).
  const all = viewer !== null && G.seats.find((s) => s.id === viewer)?.role === 'facilitator';
  const visible = G.log
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => all || e.to === 'public' || e.to === viewer);
  const steps: RecapStep[] = [];
  RESOLUTION_STEPS.forEach((name, step) => {
    if (step === 0) return;
    const lines = visible
      .filter(({ e }) => e.round === round && e.step === step)
      .map(({ e, i }) => lineOf(e.text, e.to, `${i}`));
    if (lines.length) steps.push({ step, name, lines });
  });
  const opening = G.over
    ? []
    : visible
        .filter(({ e }) => e.round === round + 1 && e.step === 0)
        .map(({ e, i }) => lineOf(e.text, e.to, `${i}`));
  const name = viewer === null ? null : (G.seats.find((s) => s.id === viewer)?.name ?? null);
  const aboutMe = (l: RecapLine) =>
    l.secret || (name !== null && l.text.toLowerCase().includes(name.toLowerCase()));
  const mine =
    viewer === null
      ? []
      : [...steps.flatMap((s) => s.lines), ...opening]
          .filter(aboutMe)
          // orders that failed first: they are what a player most needs to know
          .sort((a, b) => Number(b.failed) - Number(a.failed));
  return {
    round,
    quarter: whenOf(G, round),
    steps,
    cards: playedCards(G, round),
    opening,
    mine,
  };
}

/** Whether the recap holds anything only this seat may read. */
export const hasSecrets = (r: Recap): boolean => r.steps.some((s) => s.lines.some((l) => l.secret));
