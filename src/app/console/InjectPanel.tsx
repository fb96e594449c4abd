import { useState } from 'react';
import { cardById, SCENARIOS } from '../../../game/engine';
import type { FieldError } from '../../protocol';
import { sessionApi, SessionError } from '../session/client';

const EXAMPLE = JSON.stringify(
  {
    id: 'workshop-shock',
    title: 'A sudden shock',
    date: '2024-05-01',
    source: 'The facilitator',
    text: 'What happens, in a sentence or two.',
    effectText: 'Tension +2.',
    effects: [{ op: 'tension', delta: 2 }],
    favours: 'neutral',
  },
  null,
  2,
);

/** The cards of a scenario's deck (its own cards first), by id and title. */
function deckOf(scenario: string): { id: string; title: string }[] {
  const s = SCENARIOS[scenario];
  return [
    ...(s?.cards ?? []).map((c) => ({ id: c.id, title: c.title })),
    ...(s?.deck ?? []).map((id) => ({ id, title: cardById(id)?.title ?? id })),
  ];
}

/**
 * Push an event card, from the scenario's deck or written here, to one table or every table.
 * `scenarios` holds each table's scenario: to every table, only the cards every table's deck
 * holds are offered.
 */
export function InjectPanel({
  sessionID,
  token,
  scenarios,
}: {
  sessionID: string;
  token: string;
  scenarios: string[];
}) {
  const tables = scenarios.length;
  const [source, setSource] = useState<'deck' | 'written'>('deck');
  const [target, setTarget] = useState('all');
  const aimed = target === 'all' ? [...new Set(scenarios)] : [scenarios[Number(target)] ?? ''];
  const deck = deckOf(aimed[0] ?? '').filter((c) =>
    aimed.every((sc) => deckOf(sc).some((x) => x.id === c.id)),
  );
  const [chosen, setCard] = useState('');
  const card = deck.some((c) => c.id === chosen) ? chosen : (deck[0]?.id ?? '');
  const [text, setText] = useState(EXAMPLE);
  const [result, setResult] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldError[]>([]);
  const send = () => {
    setFields([]);
    let payload: unknown = card;
    if (source === 'written') {
      try {
        payload = JSON.parse(text);
      } catch {
        setResult('The card is not valid JSON: check the quotes and commas.');
        return;
      }
    }
    sessionApi
      .inject(sessionID, token, payload, target === 'all' ? undefined : Number(target))
      .then(
        (r) =>
          setResult(
            `Injected at ${r.tables.map((t) => `table ${t + 1}`).join(', ') || 'no table'}: it takes effect at the next resolution.`,
          ),
        (e: unknown) => {
          setResult(e instanceof Error ? `Refused: ${e.message}.` : 'Refused.');
          if (e instanceof SessionError) setFields(e.fields);
        },
      );
  };
  return (
    <section className="panel inject" aria-labelledby="inject-title">
      <h2 id="inject-title">Inject an event</h2>
      <fieldset>
        <legend className="sr-only">Which card</legend>
        <label className="inline">
          <input
            type="radio"
            name="inject-source"
            checked={source === 'deck'}
            onChange={() => setSource('deck')}
          />{' '}
          From the deck
        </label>
        <label className="inline">
          <input
            type="radio"
            name="inject-source"
            checked={source === 'written'}
            onChange={() => setSource('written')}
          />{' '}
          Written here
        </label>
      </fieldset>
      {source === 'deck' ? (
        <>
          <label>
            Card
            <select value={card} onChange={(e) => setCard(e.target.value)}>
              {deck.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <p className="muted" data-testid="inject-deck-note">
            A card injected from the deck leaves that table&apos;s deck: it is not dealt again
            later.
          </p>
        </>
      ) : (
        <label>
          Card (JSON, as in a scenario file)
          <textarea
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-describedby="inject-fields"
          />
        </label>
      )}
      <label>
        To
        <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Inject to">
          <option value="all">Every table</option>
          {Array.from({ length: tables }, (_, i) => (
            <option key={i} value={i}>
              Table {i + 1}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" onClick={send} disabled={tables === 0}>
        Inject
      </button>
      <div id="inject-fields" role="status">
        {result && <p>{result}</p>}
        {fields.length > 0 && (
          <ul className="problem">
            {fields.map((f) => (
              <li key={f.path + f.message}>
                <code>{f.path}</code>: {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
