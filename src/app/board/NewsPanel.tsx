import type { LogLine, NewsView, SignalLine } from '../selectors/news';

/** The news: this round's scheduled events and the cards played last round, with dates and sources. */
export function NewsCards({ news }: { news: NewsView[] }) {
  if (news.length === 0) return null;
  return (
    <section className="news" aria-labelledby="news-title" data-guide="news">
      <h2 id="news-title" className="news-heading">
        In the news
      </h2>
      <ul className="news-list">
        {news.map((n) => (
          <li key={n.key}>
            <article className={`news-card favours-${n.favours}`} aria-label={n.title}>
              <h3>
                <span className="news-kicker">
                  {n.by === 'Scheduled' ? `News ${n.quarter}` : `${n.by} played, ${n.quarter}`}
                </span>{' '}
                {n.title}
              </h3>
              <p className="news-date">
                {n.date} — <cite>{n.source}</cite> · helps{' '}
                {n.favours === 'neutral' ? 'nobody in particular' : `the ${n.favours}`}
                {n.use && ` · played ${n.use}`}
              </p>
              <p className="news-effect">
                <strong>In the game:</strong>{' '}
                {n.fired ? n.effect : 'its event did not happen (played for its value).'}
              </p>
              <details className="news-story">
                <summary>The story</summary>
                <p>{n.text}</p>
              </details>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Public events and the seat's own secret ones, newest first, and the signals everyone has seen. */
export function LogPanel({ lines, signals }: { lines: LogLine[]; signals: SignalLine[] }) {
  return (
    <section className="panel log-panel" aria-labelledby="log-title" tabIndex={0}>
      <h2 id="log-title">What happened</h2>
      <ol className="log" data-testid="log">
        {lines.map((l) => (
          <li key={l.key} className={l.secret ? 'secret' : undefined}>
            <span className="when">{l.quarter}</span>
            {l.secret && <span className="tag">secret</span>} {l.text}
          </li>
        ))}
      </ol>
      {signals.length > 0 && (
        <>
          <h3>Public signals (evidence, not proof)</h3>
          <ol className="log signals">
            {signals.map((s) => (
              <li key={s.key}>
                <span className="when">{s.quarter}</span> <span className="tag">{s.kind}</span>{' '}
                {s.text}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
