import { useState } from 'react';
import { ROLE_GOAL, ROLE_MARK } from '../selectors/format';
import type { Role } from '../../../game/engine';
import { lobby, problemText, type MatchInfo } from './lobby';
import { freeSeats, nameProblem, NAME_MAX } from './seats';
import { navigate } from './urls';

const markOf = (role: string): string => ROLE_MARK[role as Role] ?? '?';

/** The free seats as radio buttons, a display name, and Join. */
export function SeatPicker({ info, code }: { info: MatchInfo; code: string }) {
  const seats = freeSeats(info, lobby.isCreator(info.matchID));
  const [seat, setSeat] = useState<string | null>(seats[0]?.id ?? null);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (seats.length === 0) {
    return (
      <section className="panel online-card" role="status">
        <h2>Every seat is taken</h2>
        <p>Ask the host to free a seat for you, or watch the match.</p>
      </section>
    );
  }
  const problem = seat === null ? 'Choose a seat.' : nameProblem(name);
  const join = async (id: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await lobby.join(info.matchID, id, name.trim(), code);
      navigate(`/play/${info.matchID}`);
    } catch (e) {
      setFailure(problemText(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="panel online-card join-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!problem && seat !== null && !busy) void join(seat);
      }}
    >
      <fieldset className="seat-choice">
        <legend>Choose your seat</legend>
        {seats.map((s) => (
          <label key={s.id} className={`scenario ${s.id === seat ? 'picked' : ''}`}>
            <input
              type="radio"
              name="seat"
              value={s.id}
              checked={s.id === seat}
              onChange={() => setSeat(s.id)}
            />
            <span className="scenario-name">
              <span className={`mark small role-${s.role}`} aria-hidden="true">
                {markOf(s.role)}
              </span>{' '}
              {s.label}
            </span>
            <span className="scenario-meta">{ROLE_GOAL[s.role as Role] ?? ''}</span>
          </label>
        ))}
      </fieldset>
      <div className="name-field">
        <label htmlFor="display-name">Your name (others see it)</label>
        <input
          id="display-name"
          type="text"
          autoComplete="nickname"
          maxLength={NAME_MAX}
          value={name}
          aria-invalid={tried && problem !== null}
          aria-describedby="join-problem"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={busy}>
          {busy ? 'Joining…' : 'Join and play'}
        </button>
      </div>
      <p id="join-problem" className="form-problem" role="status">
        {failure ?? (tried ? problem : null)}
      </p>
    </form>
  );
}
