import type { LogLine, NewsView, SignalLine } from '../selectors/news';

/** The round's event card, with its real date and source. */
export function NewsCard({ news }: { news: NewsView | null }) {
  if (!news) return null;
  return (
    <article
      className={`news-card favours-${news.favours}`}
      aria-labelledby="news-title"
      data-guide="news"
    >
      <h2 id="news-title">
        <span className="news-kicker">News {news.quarter}</span> {news.title}
      </h2>
      <p className="news-date">
        {news.date} — <cite>{news.source}</cite> · helps{' '}
        {news.favours === 'neutral' ? 'nobody in particular' : `the ${news.favours}`}
      </p>
      <p className="news-effect">
        <strong>In the game:</strong> {news.effect}
      </p>
      <details className="news-story">
        <summary>The story</summary>
        <p>{news.text}</p>
      </details>
    </article>
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
          <h3>Signals the regulator has seen</h3>
          <ol className="log signals">
            {signals.map((s) => (
              <li key={s.key}>
                <span className="when">{s.quarter}</span> {s.text}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
