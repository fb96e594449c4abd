import { useState } from 'react';
import type { MoveArgs, MoveOption } from '../../../game/engine';
import {
  FIELD_LABEL,
  choiceFields,
  fieldValues,
  findChoice,
  settle,
  type Field,
} from '../selectors/moves';
import { formatCost } from '../selectors/format';

interface Props {
  option: MoveOption;
  label(field: Field, value: string | number): string;
  onSubmit(args: MoveArgs): void;
  onCancel(): void;
}

/**
 * The choices of one move. Every list offers only values that combine into a legal choice, so
 * the form cannot send an illegal one; cost, delay and risk are shown before committing.
 */
export function MoveForm({ option, label, onSubmit, onCancel }: Props) {
  const [picked, setPicked] = useState<MoveArgs>(() => settle(option.choices, {}));
  const fields = choiceFields(option.choices);
  const args = settle(option.choices, picked);
  const choice = findChoice(option.choices, args);
  const id = `form-${option.move}`;
  return (
    <form
      className="move-form"
      aria-label={option.label}
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
        <div>
          <dt>Risk</dt>
          <dd>{option.risk}</dd>
        </div>
      </dl>
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
