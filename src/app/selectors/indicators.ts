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

function chart(id: string, title: string, G: GameState, rows: [string, number[]][]): Chart {
  return {
    id,
    title,
    rounds: G.indicators.round,
    series: rows.map(([label, values], k) => ({
      label,
      values,
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
      ['Frontier', ind.frontier],
      ...firms.map((f): [string, number[]] => [f.name, ind.capability.map((c) => c[f.id] ?? 0)]),
    ]),
    chart('money', 'Money and investment', G, [
      ['Vendor cash', ind.vendorCash],
      ['Hub investment', ind.hubInvestment],
      ['Political capital', ind.pc],
    ]),
    chart('pressure', 'Pressure', G, [
      ['Tension', ind.tension],
      ['Control level', ind.controlLevel],
      ['Average standing', ind.standing],
      ['Demand reading (pods)', ind.demand],
      ['Seized TB', ind.seized],
    ]),
  ];
}
