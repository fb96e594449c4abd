import { useEffect, useRef, useState } from 'react';
import { inline, parseMarkdown, type Block } from './markdown';

/** RULES.md, bundled as raw text when it exists (another developer writes it). */
const sources = import.meta.glob('/RULES.md', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

const PLACEHOLDER = `# Rules\n\nThe full rulebook is being written. Meanwhile: each round every role plans a few orders at the same time, in secret, may play one of its dated cards, and submits them sealed; when all have submitted, every order resolves in a published sequence of steps and a recap shows what happened. Each role has its own goal, shown in its panel; several roles can win.`;

function Text({ text }: { text: string }) {
  return (
    <>
      {inline(text).map((s, i) =>
        s.kind === 'strong' ? (
          <strong key={i}>{s.text}</strong>
        ) : s.kind === 'em' ? (
          <em key={i}>{s.text}</em>
        ) : s.kind === 'code' ? (
          <code key={i}>{s.text}</code>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function BlockView({ b }: { b: Block }) {
  switch (b.kind) {
    case 'heading': {
      const H = b.level <= 1 ? 'h2' : b.level === 2 ? 'h3' : 'h4';
      return (
        <H id={`rule-${b.id}`}>
          <Text text={b.text} />
        </H>
      );
    }
    case 'para':
      return (
        <p>
          <Text text={b.text} />
        </p>
      );
    case 'list': {
      const L = b.ordered ? 'ol' : 'ul';
      return (
        <L>
          {b.items.map((t, i) => (
            <li key={i}>
              <Text text={t} />
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
                    <Text text={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, k) => (
                    <td key={k}>
                      <Text text={c} />
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

/** The in-app rulebook: a dialog over the game, closed with Escape or its button. */
export default function Rulebook({ onClose }: { onClose(): void }) {
  const [blocks, setBlocks] = useState<Block[] | null>(null);
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
  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="rulebook"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rulebook-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h1 id="rulebook-title">Rulebook</h1>
          <button ref={close} type="button" className="btn ghost" onClick={onClose}>
            Close rules
          </button>
        </header>
        <div className="rulebook-body" tabIndex={0} aria-label="Rules text">
          {blocks ? (
            blocks.map((b, i) => <BlockView key={i} b={b} />)
          ) : (
            <p role="status">Loading…</p>
          )}
        </div>
      </div>
    </div>
  );
}
