import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Chart } from '../selectors/indicators';

/** One uPlot line chart; a table with the same numbers sits behind it for screen readers. */
export function LineChart({ chart }: { chart: Chart }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => Math.max(240, Math.min(el.parentElement?.clientWidth || 360, 520));
    const width = fit();
    // Away from the cursor the legend shows the latest round's values, never "Round: --".
    const last = chart.rounds.length - 1;
    const showLatest = (u: uPlot) => {
      if (u.cursor.idx == null && last >= 0) u.setLegend({ idx: last }, false);
    };
    const plot = new uPlot(
      {
        width,
        height: 180,
        legend: { show: true },
        cursor: { show: true },
        hooks: { ready: [showLatest], setCursor: [showLatest] },
        axes: [
          {
            label: 'Round',
            stroke: '#c9d6e6',
            grid: { stroke: '#29405c' },
            ticks: { stroke: '#29405c' },
            incrs: [1],
          },
          { stroke: '#c9d6e6', grid: { stroke: '#29405c' }, ticks: { stroke: '#29405c' } },
        ],
        scales: { x: { time: false } },
        series: [
          { label: 'Round' },
          ...chart.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2.5,
            dash: s.dash,
            points: { show: true, size: 6 },
          })),
        ],
      },
      [chart.rounds, ...chart.series.map((s) => s.values)],
      el,
    );
    // A phone turned, a window resized: the chart follows its column's width.
    const watch = new ResizeObserver(() => {
      if (plot.width !== fit()) plot.setSize({ width: fit(), height: 180 });
    });
    if (el.parentElement) watch.observe(el.parentElement);
    return () => {
      watch.disconnect();
      plot.destroy();
    };
  }, [chart]);
  return (
    <figure className="chart">
      <figcaption>{chart.title}</figcaption>
      <div ref={box} aria-hidden="true" />
      {/* A table ignores its own width: the hidden box around it keeps it from widening the page. */}
      <div className="sr-only">
        <table>
          <caption>{chart.title}</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              {chart.series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rounds.map((r, i) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {chart.series.map((s) => (
                  <td key={s.label}>{s.values[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
