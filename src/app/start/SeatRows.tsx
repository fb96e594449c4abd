import { SCENARIOS } from '../../../game/engine';
import { BOT_LEVELS } from '../../protocol';
import { ROLE_GOAL, ROLE_MARK } from '../selectors/format';
import { seatBadges } from '../selectors/marks';
import type { BotLevel } from '../../protocol';
import type { MatchSetup, SeatKind, SeatSetup } from '../selectors/table';

const LEVEL_LABEL: Record<BotLevel, string> = {
  random: 'Easy bot (random)',
  heuristic: 'Harder bot (plans ahead)',
};

interface Props {
  setup: MatchSetup;
  onChange(setup: MatchSetup): void;
}

/** One row per seat: a person or a bot, and how good a bot. */
export function SeatRows({ setup, onChange }: Props) {
  const scenario = SCENARIOS[setup.scenario];
  const update = (i: number, patch: Partial<SeatSetup>) =>
    onChange({ ...setup, seats: setup.seats.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const badges = seatBadges(scenario?.seats ?? []);
  return (
    <ul className="seat-rows">
      {scenario?.seats.map((seat, i) => {
        const row = setup.seats[i];
        const id = `seat-${i}`;
        if (seat.role === 'facilitator') {
          // Not a player: it plans nothing and sees every secret (so only beside bots here).
          return (
            <li key={id} className="seat-row absent facilitator">
              <span className={`mark role-${seat.role}`} aria-hidden="true">
                {ROLE_MARK[seat.role]}
              </span>
              <span className="seat-name">
                {seat.name}
                <small>Sees every secret; plays no orders. On one screen, only with bots.</small>
              </span>
              <label
                className="sr-only"
                htmlFor={`${id}-kind`}
              >{`${seat.name}: who watches`}</label>
              <select
                id={`${id}-kind`}
                value={row.kind === 'person' ? 'person' : 'absent'}
                onChange={(e) => update(i, { kind: e.target.value as SeatKind })}
              >
                <option value="absent">Nobody</option>
                <option value="person">A person (sees every secret)</option>
              </select>
            </li>
          );
        }
        return (
          <li key={id} className="seat-row">
            <span className={`mark ${badges[i].className}`} aria-hidden="true">
              {badges[i].mark}
            </span>
            <span className="seat-name">
              {seat.name}
              <small>{ROLE_GOAL[seat.role]}</small>
            </span>
            <label className="sr-only" htmlFor={`${id}-kind`}>{`${seat.name}: who plays`}</label>
            <select
              id={`${id}-kind`}
              value={row.kind}
              onChange={(e) => update(i, { kind: e.target.value as SeatKind })}
            >
              <option value="person">A person</option>
              <option value="bot">A bot</option>
            </select>
            <label className="sr-only" htmlFor={`${id}-level`}>{`${seat.name}: bot level`}</label>
            <select
              id={`${id}-level`}
              value={row.level}
              disabled={row.kind !== 'bot'}
              onChange={(e) => update(i, { level: e.target.value as BotLevel })}
            >
              {BOT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABEL[l]}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
