import type { Role } from '../../../game/engine';
import { ROLE_MARK } from '../selectors/format';
import { holderText, presenceText, type SeatRow } from './seats';

export interface SeatActions {
  toBot(seat: string): void;
  toOpen(seat: string): void;
}

/** Every seat: who holds it, whether they are connected, and the host's controls. */
export function HostSeats({
  rows,
  actions,
  busy,
}: {
  rows: SeatRow[];
  actions: SeatActions | null;
  busy: boolean;
}) {
  return (
    <ul className="host-seats" data-testid="host-seats">
      {rows.map((r) => (
        <li key={r.id} className={`host-seat kind-${r.kind}`}>
          <span className={`mark role-${r.role}`} aria-hidden="true">
            {ROLE_MARK[r.role as Role] ?? '?'}
          </span>
          <span className="host-seat-who">
            <strong>{r.label}</strong>
            <span className="holder">{holderText(r)}</span>
          </span>
          <span className={`presence ${r.connected ? 'on' : 'off'} kind-${r.kind}`}>
            <span className="dot" aria-hidden="true" />
            {presenceText(r)}
          </span>
          {actions && (
            <span className="host-seat-actions">
              {r.kind === 'person' && (
                <SeatAction
                  label="Replace with a bot"
                  seat={r.label}
                  disabled={busy}
                  onClick={() => actions.toBot(r.id)}
                />
              )}
              {r.kind === 'bot' && r.role !== 'facilitator' && (
                <SeatAction
                  label="Free for a person"
                  seat={r.label}
                  disabled={busy}
                  onClick={() => actions.toOpen(r.id)}
                />
              )}
              {r.kind === 'open' && r.role !== 'facilitator' && (
                <SeatAction
                  label="Fill with a bot"
                  seat={r.label}
                  disabled={busy}
                  onClick={() => actions.toBot(r.id)}
                />
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A host's button on one seat; the seat's name is read out to screen readers. */
function SeatAction(props: {
  label: string;
  seat: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="btn small" disabled={props.disabled} onClick={props.onClick}>
      {props.label}
      <span className="sr-only"> ({props.seat})</span>
    </button>
  );
}
