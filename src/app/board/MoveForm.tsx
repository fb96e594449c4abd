import { useState } from 'react';
import type { MoveArgs, MoveOption } from '../../../game/engine';
import type { OrderPreview } from '../../../game/preview';
import {
  FIELD_LABEL,
  choiceFields,
  fieldValues,
  findChoice,
  settle,
  type Field,
} from '../selectors/moves';
import { formatCost, formatPct } from '../selectors/format';

interface Props {
  option: MoveOption;
  label(field: Field, value: string | number): string;
  /** The engine's numbers for this choice in this exact situation (odds, yield, timing). */
  preview?(args: MoveArgs): OrderPreview;
  onSubmit(args: MoveArgs): void;
  onCancel(): void;
}

/**
 * The choices of one move. Every list offers only values that combine into a legal choice, so
 * the form cannot send an illegal one; cost, delay and risk are shown before committing.
 */
export function MoveForm({ option, label, preview, onSubmit, onCancel }: Props) {
  const [picked, setPicked] = useState<MoveArgs>(() => settle(option.choices, {}));
  const fields = choiceFields(option.choices);
  const args = settle(option.choices, picked);
  const choice = findChoice(option.choices, args);
  const id = `form-${option.move}`;
  const expect = choice && preview ? preview(choice.args) : null;
  return (
    <form
      className="move-form"
      aria-label={option.label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) onSubmit(choice.args);
      }}
    >
      {fields.map((f) => {
        const values = fieldValues(option.choices, fields, f, args);
        const numeric = typeof values[0] === 'number';
        return (
          <div key={f} className="field">
            <label htmlFor={`${id}-${f}`}>{FIELD_LABEL[f]}</label>
            <select
              id={`${id}-${f}`}
              name={f}
              value={String(args[f])}
              onChange={(e) =>
                setPicked(
                  settle(option.choices, {
                    ...args,
                    [f]: numeric ? Number(e.target.value) : e.target.value,
                  }),
                )
              }
            >
              {values.map((v) => (
                <option key={String(v)} value={String(v)}>
                  {label(f, v)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <dl className="move-facts">
        <div>
          <dt>Cost</dt>
          <dd data-testid="move-cost">{choice ? formatCost(choice.cost) : '—'}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{option.delay}</dd>
        </div>
        {!expect?.odds.length && (
          <div>
            <dt>Risk</dt>
            <dd>{option.risk}</dd>
          </div>
        )}
      </dl>
      {expect && <Expect preview={expect} />}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={!choice}>
          Add order: {option.label}
          {choice ? ` — ${formatCost(choice.cost)}` : ''}
        </button>
        <button type="button" className="btn ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The engine's numbers for the chosen order: each chance as a percentage, what it yields, and a warning when it comes too late. */
function Expect({ preview }: { preview: OrderPreview }) {
  return (
    <div className="move-expect" data-testid="move-preview">
      {preview.tooLate && (
        <p className="too-late" role="note">
          <span aria-hidden="true">⚠ </span>
          <strong>Too late to pay off:</strong> {preview.tooLate}
        </p>
      )}
      {preview.odds.length > 0 && (
        <ul className="odds" aria-label="Chances, for this exact situation">
          {preview.odds.map((o) => (
            <li key={o.label} className={`odds-${o.tone}`}>
              <span className="pct">{formatPct(o.pct)}</span> {o.label}
            </li>
          ))}
        </ul>
      )}
      {preview.yields.length > 0 && (
        <ul className="yields" aria-label="What it brings">
          {preview.yields.map((y) => (
            <li key={y}>{y}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
