import { useState } from 'react';
import type { MoveArgs, MoveOption } from '../../../game/engine';
import { costRange, groupMoves, type Field } from '../selectors/moves';
import { MoveForm } from './MoveForm';

interface Props {
  options: MoveOption[];
  /** Why the seat can add no order now (all given), shown once instead of on every move. */
  waiting: string | null;
  label(field: Field, value: string | number): string;
  onMove(move: MoveOption['move'], args: MoveArgs): void;
}

/** Every move of the role by family: open one to choose; moves not possible now say why. */
export function MovesPanel({ options, waiting, label, onMove }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="moves">
      {waiting && (
        <p className="moves-waiting">
          <span aria-hidden="true">⊘ </span>No more orders: {waiting}. Withdraw one to change your
          plan.
        </p>
      )}
      {groupMoves(options).map((g) => (
        <section key={g.family} className="move-group" aria-label={`${g.family} moves`}>
          <h3>{g.family}</h3>
          <ul>
            {g.options.map((o) => (
              <li
                key={o.move}
                className={`move ${o.allowed ? 'allowed' : 'blocked'} ${open === o.move ? 'open' : ''}`}
                data-move={o.move}
              >
                {o.allowed ? (
                  <button
                    type="button"
                    className="move-head"
                    aria-expanded={open === o.move}
                    onClick={() => setOpen(open === o.move ? null : o.move)}
                  >
                    <span className="move-label">{o.label}</span>
                    <span className="move-cost">{costRange(o)}</span>
                  </button>
                ) : (
                  <div className="move-head" aria-disabled="true">
                    <span className="move-label">{o.label}</span>
                    <span className="move-cost">{waiting ? '' : 'not now'}</span>
                  </div>
                )}
                <p className="move-summary">{o.summary}</p>
                {!o.allowed && !waiting && o.reason && (
                  <p className="move-reason">
                    <span aria-hidden="true">⊘ </span>Not now: {o.reason}
                  </p>
                )}
                {o.allowed && open === o.move && (
                  <MoveForm
                    option={o}
                    label={label}
                    onCancel={() => setOpen(null)}
                    onSubmit={(args) => {
                      setOpen(null);
                      onMove(o.move, args);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
