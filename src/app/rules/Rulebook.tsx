import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { inline, parseMarkdown, searchSections, sections, type Block } from './markdown';
import './rulebook.css';

/** RULES.md, bundled as raw text (written by `npm run rules` from its template). */
const sources = import.meta.glob('/RULES.md', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

const PLACEHOLDER = `# Rules\n\nEach round every role plans a few orders at the same time, in secret, may play one of its dated cards, and submits them sealed; when all have submitted, every order resolves in a published sequence of steps and a recap shows what happened. Each role has its own goal, shown in its panel; several roles can win.`;

/** Jumps to a section of the rulebook and puts the focus on its heading. */
function jump(anchor: string): void {
  const target = document.getElementById(`rule-${anchor}`);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** Text with every occurrence of the search words marked. */
function marked(text: string, words: string[]): ReactNode {
  if (words.length === 0) return text;
  const re = new RegExp(
    `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'gi',
  );
  return text.split(re).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

function Text({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {inline(text).map((s, i) => {
        const inner = marked(s.text, words);
        switch (s.kind) {
          case 'strong':
            return <strong key={i}>{inner}</strong>;
          case 'em':
            return <em key={i}>{inner}</em>;
          case 'code':
            return <code key={i}>{inner}</code>;
          case 'link':
            return (
              <a
                key={i}
                href={`#rule-${s.anchor}`}
                onClick={(e) => {
                  e.preventDefault();
                  jump(s.anchor);
                }}
              >
                {inner}
              </a>
            );
          default:
            return <Fragment key={i}>{inner}</Fragment>;
        }
      })}
    </>
  );
}

function BlockView({ b, words }: { b: Block; words: string[] }) {
  switch (b.kind) {
    case 'heading': {
      const H = b.level <= 1 ? 'h2' : b.level === 2 ? 'h3' : 'h4';
      return (
        <H id={`rule-${b.id}`} tabIndex={-1}>
          <Text text={b.text} words={words} />
        </H>
      );
    }
    case 'para':
      return (
        <p>
          <Text text={b.text} words={words} />
        </p>
      );
    case 'list': {
      const L = b.ordered ? 'ol' : 'ul';
      return (
        <L>
          {b.items.map((t, i) => (
            <li key={i}>
              <Text text={t} words={words} />
            </li>
          ))}
        </L>
      );
    }
    case 'table':
      return (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Table">
          <table>
            <thead>
              <tr>
                {b.head.map((h, i) => (
                  <th key={i} scope="col">
                    <Text text={h} words={words} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, k) => (
                    <td key={k}>
                      <Text text={c} words={words} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/**
 * The in-app rulebook: a dialog over the game with linked contents and a search box that keeps
 * only the sections holding every word typed, marked. Closed with Escape or its button, which
 * stays in view on a phone.
 */
export default function Rulebook({ onClose }: { onClose(): void }) {
  const [blocks, setBlocks] = useState<Block[] | null>(null);
  const [query, setQuery] = useState('');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const load = sources['/RULES.md'];
    void (load ? load() : Promise.resolve(PLACEHOLDER)).then((md) => setBlocks(parseMarkdown(md)));
  }, []);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, [onClose]);
  const all = useMemo(() => (blocks ? sections(blocks) : []), [blocks]);
  const shown = searchSections(all, query);
  const words = query.trim().length >= 2 ? query.trim().split(/\s+/) : [];
  const titled = all.filter((s) => s.id);
  return (
    <div className="overlay rules-overlay" onClick={onClose}>
      <div
        className="rulebook"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rulebook-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h1 id="rulebook-title">Rulebook</h1>
          <input
            type="search"
            className="rules-search"
            placeholder="Search the rules"
            aria-label="Search the rules"
            aria-controls="rules-text"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button ref={close} type="button" className="btn ghost" onClick={onClose}>
            Close rules
          </button>
        </header>
        <div className="rulebook-body" id="rules-text" tabIndex={0} aria-label="Rules text">
          {!blocks ? (
            <p role="status">Loading…</p>
          ) : (
            <>
              <p className="rules-found" role="status">
                {query.trim()
                  ? shown.length
                    ? `${shown.length} section${shown.length === 1 ? '' : 's'} mention “${query.trim()}”.`
                    : `Nothing in the rules mentions “${query.trim()}”.`
                  : ''}
              </p>
              {!query.trim() && titled.length > 0 && (
                <nav className="rules-contents" aria-labelledby="rules-contents-title">
                  <h2 id="rules-contents-title">Contents</h2>
                  <ol>
                    {titled.map((s) => (
                      <li key={s.id}>
                        <a
                          href={`#rule-${s.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            jump(s.id);
                          }}
                        >
                          {s.title}
                        </a>
                      </li>
                    ))}
                  </ol>
                </nav>
              )}
              {shown.map((s) => (
                <section key={s.id || 'intro'} className="rules-section">
                  {s.blocks.map((b, i) => (
                    <BlockView key={i} b={b} words={words} />
                  ))}
                </section>
              ))}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
