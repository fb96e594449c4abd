import { useMemo } from 'react';
import type { GameState } from '../../../game/engine';
import { indicatorCharts } from '../selectors/indicators';
import { LineChart } from './LineChart';

/** The indicators over the rounds (loaded on demand with uPlot). */
export default function ChartsPanel({
  G,
  title = 'Indicators by round',
}: {
  G: GameState;
  title?: string;
}) {
  const charts = useMemo(() => indicatorCharts(G), [G]);
  return (
    <section className="panel charts" aria-labelledby="charts-title" data-testid="charts">
      <h2 id="charts-title">{title}</h2>
      {charts[0].rounds.length === 0 ? (
        <p>The charts fill in at the end of each round.</p>
      ) : (
        <div className="chart-grid">
          {charts.map((c) => (
            <LineChart key={c.id} chart={c} />
          ))}
        </div>
      )}
    </section>
  );
}
