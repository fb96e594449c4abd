import type { ReactNode } from 'react';
import type { Role } from '../../../game/engine';
import { ROLE_MARK } from '../selectors/format';
import { seatBadges } from '../selectors/marks';
import { clearRefusal } from './transport';
import { AppLink } from './OnlineHeader';
import { holderText, presenceText, type SeatRow } from './seats';

interface Props {
  matchID: string;
  rows: SeatRow[];
  me: string | null;
  /** Seats still planning this round (not submitted); empty when the match is not known yet. */
  planning: string[];
  online: boolean;
  paused: boolean;
  /** The match replays a fixed seed: everyone is told. */
  fixedSeed?: boolean;
  refused: string | null;
  creator: boolean;
  /** More for this strip's right-hand side: the table talk's button. */
  children?: ReactNode;
}

/** Who sits where and who is connected; the match's pause; a move the server refused. */
export function PresenceStrip({
  matchID,
  rows,
  me,
  planning,
  online,
  paused,
  fixedSeed = false,
  refused,
  creator,
  children,
}: Props) {
  // One distinct badge per seat (two labs never share one red "L").
  const badges = seatBadges(rows.map((r) => ({ role: r.role as Role, name: r.label })));
  return (
    <div className="presence-strip">
      <ul className="presence-seats" aria-label="Players and connections">
        {rows
          .filter((r) => r.kind !== 'open' || r.role !== 'facilitator')
          .map((r) => (
            <li
              key={r.id}
              className={`presence-seat ${planning.includes(r.id) ? 'now' : ''} ${r.id === me ? 'me' : ''}`}
            >
              <span
                className={`mark small ${badges[rows.indexOf(r)]?.className ?? `role-${r.role}`}`}
                aria-hidden="true"
              >
                {badges[rows.indexOf(r)]?.mark ?? ROLE_MARK[r.role as Role] ?? '?'}
              </span>
              <span className="presence-who">
                <span className="presence-role">{r.label}</span>
                <span className="presence-name">{r.id === me ? 'You' : holderText(r)}</span>
                {planning.includes(r.id) && <span className="presence-plan">planning…</span>}
              </span>
              <span
                className={`presence-dot ${r.connected || r.kind === 'bot' ? 'on' : 'off'}`}
                role="img"
                aria-label={presenceText(r)}
                title={presenceText(r)}
              />
            </li>
          ))}
      </ul>
      <div className="presence-status">
        {!online && (
          <p className="strip-note warn" role="status">
            Reconnecting…
          </p>
        )}
        {paused && (
          <p className="strip-note paused" role="status" data-testid="paused">
            <strong>Paused</strong> by the host — moves wait until it resumes.
          </p>
        )}
        {fixedSeed && (
          <p className="strip-note" role="note" data-testid="fixed-seed">
            This match replays a fixed seed: its cards and dice are known to whoever chose it.
          </p>
        )}
        {children}
        {creator && (
          <AppLink to={`/host/${matchID}`} className="btn small">
            Host controls
          </AppLink>
        )}
      </div>
      {refused && (
        <div className="strip-note refused" role="alert">
          <span>
            <strong>Move refused:</strong> {refused}. The board shows the match as it is.
          </span>
          <button type="button" className="btn ghost small" onClick={() => clearRefusal(matchID)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
