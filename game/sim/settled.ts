import type { GameState } from '../state';

/**
 * When the race between the firms and the regulator was settled. After each round the engine
 * records who would win if the game ended then (`Indicators.leaders`). The race is settled at the
 * last round at whose end that verdict, for the firm and regulator seats, changed; from then to
 * the end it held. 0 means it never changed from the start. A game "still open two rounds before
 * the end" is one settled after round `rounds - 2`.
 */
export function settledRound(state: GameState): number {
  const racing = new Set(
    state.seats.filter((s) => s.role === 'firm' || s.role === 'regulator').map((s) => s.id),
  );
  const verdict = (leaders: readonly string[]): string =>
    leaders
      .filter((seat) => racing.has(seat as never))
      .sort()
      .join(',');
  let settled = 0;
  let last: string | null = null;
  for (const row of state.indicators) {
    const now = verdict(row.leaders);
    if (last !== null && now !== last) settled = row.round;
    last = now;
  }
  return settled;
}
