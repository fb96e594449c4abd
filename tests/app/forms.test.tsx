// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { legalMoves, type GameState } from '../../game/engine';
import { MoveForm } from '../../src/app/board/MoveForm';
import { Board } from '../../src/app/board/Board';
import { findChoice, labeler } from '../../src/app/selectors/moves';
import { fresh, playerView, seat } from './fixtures';

afterEach(cleanup);

const LAB = seat('2');

function labTurn(): GameState {
  const G = fresh();
  G.firms[LAB].secrets.homeTB = 160;
  G.turn = G.order.indexOf(LAB);
  return G;
}

describe('move form', () => {
  it('offers only legal combinations and sends one of the engine’s choices', () => {
    const G = labTurn();
    const option = legalMoves(G, LAB).find((o) => o.move === 'courierData')!;
    const onSubmit = vi.fn();
    render(<MoveForm option={option} label={labeler(G)} onSubmit={onSubmit} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Hub'), { target: { value: 'SG' } });
    fireEvent.change(screen.getByLabelText('Data (TB)'), { target: { value: '160' } });
    const carriers = screen.getByLabelText('Carriers') as HTMLSelectElement;
    expect([...carriers.options].map((o) => o.value)).toEqual(['4']);
    expect(screen.getByTestId('move-cost').textContent).toBe('$4');
    fireEvent.click(screen.getByRole('button', { name: /Courier data on drives — \$4/ }));
    expect(onSubmit).toHaveBeenCalledWith({ hub: 'SG', tb: 160, carriers: 4 });
    expect(findChoice(option.choices, onSubmit.mock.calls[0][0])).toBeDefined();
  });

  it('names entities by owner and hub, not by id', () => {
    const G = fresh();
    G.firms[LAB].secrets.entities.push({
      id: 'e9' as never,
      hub: 'MY',
      exposed: true,
      listed: false,
    });
    expect(labeler(G)('entity', 'e9')).toBe("Beijing lab's entity in Malaysia");
  });
});

describe('board', () => {
  const props = { onRules: () => {}, onQuit: () => {} };

  it('shows why the engine refused a move and keeps the board as it was', () => {
    const G = playerView(labTurn(), LAB);
    const before = JSON.stringify(G);
    const sendMove = vi.fn(() => ({ ok: false as const, error: 'The engine says no.' }));
    render(
      <Board G={G} playerID={LAB} sendMove={sendMove} pass={() => ({ ok: true })} {...props} />,
    );
    fireEvent.click(screen.getByRole('button', { name: /Prepare training data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Prepare training data — \$2/ }));
    expect(sendMove).toHaveBeenCalledWith('prepareData', {});
    expect(screen.getByRole('alert').textContent).toBe('Not done: The engine says no.');
    expect(JSON.stringify(G)).toBe(before);
    expect(screen.getByText('2 actions left this turn')).toBeTruthy();
  });

  it('shows moves that cannot be made now, with the reason, and no button', () => {
    const G = playerView(labTurn(), LAB);
    render(
      <Board
        G={G}
        playerID={LAB}
        sendMove={() => ({ ok: true })}
        pass={() => ({ ok: true })}
        {...props}
      />,
    );
    const train = document.querySelector('.move[data-move=train]')!;
    expect(train.querySelector('button')).toBeNull();
    expect(train.textContent).toMatch(/Not now: /);
  });

  it('holds none of another firm’s secrets in the regulator’s board', () => {
    const full = labTurn();
    full.firms[LAB].secrets.entities.push({
      id: 'e7' as never,
      hub: 'TH',
      exposed: false,
      listed: false,
    });
    render(
      <Board
        G={playerView(full, seat('0'))}
        playerID={seat('0')}
        sendMove={() => ({ ok: true })}
        pass={() => ({ ok: true })}
        {...props}
      />,
    );
    expect(document.body.textContent).not.toMatch(/entity in Thailand/);
    expect(document.querySelector('[data-testid=my-secrets]')).toBeNull();
  });
});
