import { useEffect, useRef } from 'react';

interface Props {
  seatName: string;
  mine: boolean;
  actionsLeft: number;
  botTurn: string | null;
  activeName: string;
  notice: string | null;
  onPass(): void;
}

/** Whose turn, how many actions remain, the End-turn button and any refusal from the engine. */
export function TurnBar({
  seatName,
  mine,
  actionsLeft,
  botTurn,
  activeName,
  notice,
  onPass,
}: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (mine) heading.current?.focus();
  }, [mine]);
  return (
    <div className={`turn-bar ${mine ? 'mine' : 'waiting'}`}>
      <h2 ref={heading} tabIndex={-1} id="turn-title">
        {mine
          ? `Your turn, ${seatName}`
          : botTurn
            ? `${botTurn} (bot) is playing…`
            : `Waiting for ${activeName}`}
      </h2>
      {mine && (
        <p className="actions-left">
          {actionsLeft} action{actionsLeft === 1 ? '' : 's'} left this turn
        </p>
      )}
      {mine && (
        <button type="button" className="btn end-turn" onClick={onPass} data-guide="end">
          End turn
        </button>
      )}
      <div className="notice" role="alert" data-testid="notice">
        {notice}
      </div>
    </div>
  );
}
