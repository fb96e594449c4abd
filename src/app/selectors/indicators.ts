import type { GameState } from '../../../game/engine';

export interface Series {
  label: string;
  values: number[];
  /** Dash pattern so lines differ by more than colour. */
  dash: number[];
  color: string;
}

export interface Chart {
  id: string;
  title: string;
  rounds: number[];
  series: Series[];
}

/** Colours chosen for contrast on the dark chart panel and for colour-blind readers (Okabe–Ito). */
const PALETTE = ['#56b4e9', '#e69f00', '#f0e442', '#cc79a7', '#009e73', '#ffffff'];
const DASHES = [[], [8, 4], [2, 4], [12, 4, 2, 4], [4, 4], [1, 2]];

function chart(
  id: string,
  title: string,
  G: GameState,
  rows: [string, (i: number) => number][],
): Chart {
  return {
    id,
    title,
    rounds: G.indicators.map((r) => r.round),
    series: rows.map(([label, get], k) => ({
      label,
      values: G.indicators.map((_, i) => get(i)),
      dash: DASHES[k % DASHES.length],
      color: PALETTE[k % PALETTE.length],
    })),
  };
}

/** The indicators recorded at the end of each round, as charts. */
export function indicatorCharts(G: GameState): Chart[] {
  const ind = G.indicators;
  const firms = G.seats.filter((s) => s.role === 'firm');
  return [
    chart('race', 'The race: capability and frontier', G, [
      ['Frontier', (i) => ind[i].frontier],
      ...firms.map((f): [string, (i: number) => number] => [
        f.name,
        (i) => ind[i].capability[f.id] ?? 0,
      ]),
    ]),
    chart('money', 'Money and investment', G, [
      ['Vendor cash', (i) => ind[i].vendorCash],
      ['Hub investment', (i) => ind[i].hubInvestment],
      ['Political capital', (i) => ind[i].pc],
    ]),
    chart('pressure', 'Pressure', G, [
      ['Tension', (i) => ind[i].tension],
      ['Control level', (i) => ind[i].controlLevel],
      ['Average standing', (i) => ind[i].standing],
      ['Demand reading (pods)', (i) => ind[i].demand],
      ['Seized TB', (i) => ind[i].seized],
    ]),
  ];
}
