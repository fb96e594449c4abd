/** The pace of the bots in a demo on this screen: a speed and a pause. */
const SPEEDS = [
  { ms: 4000, label: 'Slow (4 s a move)' },
  { ms: 1400, label: 'Normal (1.4 s)' },
  { ms: 400, label: 'Fast (0.4 s)' },
  { ms: 20, label: 'Fastest' },
];

export function DemoControls({
  delay,
  paused,
  onDelay,
  onPause,
}: {
  delay: number;
  paused: boolean;
  onDelay(ms: number): void;
  onPause(paused: boolean): void;
}) {
  const options = SPEEDS.some((s) => s.ms === delay)
    ? SPEEDS
    : [...SPEEDS, { ms: delay, label: `${delay} ms` }];
  return (
    <div className="demo-controls">
      <label htmlFor="demo-speed">Speed</label>
      <select id="demo-speed" value={delay} onChange={(e) => onDelay(Number(e.target.value))}>
        {options.map((s) => (
          <option key={s.ms} value={s.ms}>
            {s.label}
          </option>
        ))}
      </select>
      <button type="button" className="btn" aria-pressed={paused} onClick={() => onPause(!paused)}>
        {paused ? 'Resume' : 'Pause'}
      </button>
    </div>
  );
}
