import { SCENARIOS } from '../../../game/engine';
import { ROLE_GOAL, ROLE_MARK } from '../selectors/format';
import type { SeatChoice } from './seats';

const CHOICE_LABEL: Record<SeatChoice, string> = {
  person: 'A person (joins with the code)',
  random: 'Easy bot (random)',
  heuristic: 'Harder bot (plans ahead)',
};

/** The first playing seat is a person, the others harder bots; the facilitator seat stays open for the host. */
export function defaultChoices(scenario: string): SeatChoice[] {
  const seats = SCENARIOS[scenario]?.seats ?? [];
  let first = true;
  return seats.map((s) => {
    if (s.role === 'facilitator') return 'person';
    if (first) {
      first = false;
      return 'person';
    }
    return 'heuristic';
  });
}

interface Props {
  scenario: string;
  choices: SeatChoice[];
  onChange(choices: SeatChoice[]): void;
}

/** One row per seat: a person who will join, or a bot and its level. */
export function CreateSeats({ scenario, choices, onChange }: Props) {
  const seats = SCENARIOS[scenario]?.seats ?? [];
  return (
    <ul className="seat-rows">
      {seats.map((seat, i) => {
        const id = `create-seat-${i}`;
        const mark = (
          <span className={`mark role-${seat.role}`} aria-hidden="true">
            {ROLE_MARK[seat.role]}
          </span>
        );
        if (seat.role === 'facilitator') {
          return (
            <li key={id} className="seat-row absent">
              {mark}
              <span className="seat-name">{seat.name}</span>
              <span className="seat-note">
                Kept for you, the host: it sees every secret, so only the creator may take it.
              </span>
            </li>
          );
        }
        return (
          <li key={id} className="seat-row create-row">
            {mark}
            <span className="seat-name">
              {seat.name}
              <small>{ROLE_GOAL[seat.role]}</small>
            </span>
            <label className="sr-only" htmlFor={id}>{`${seat.name}: who plays`}</label>
            <select
              id={id}
              value={choices[i]}
              onChange={(e) =>
                onChange(choices.map((c, k) => (k === i ? (e.target.value as SeatChoice) : c)))
              }
            >
              {(Object.keys(CHOICE_LABEL) as SeatChoice[]).map((c) => (
                <option key={c} value={c}>
                  {CHOICE_LABEL[c]}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
