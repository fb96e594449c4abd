// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { planOrder, type ActionPayload, type GameState } from '../../game/engine';
import { carrierStopChance } from '../../game/detection';
import { Board } from '../../src/app/board/Board';
import { fresh, playerView, seat } from './fixtures';

/** The move desk as a newcomer uses it: numbers before committing, Escape, focus, feedback. */

afterEach(cleanup);

const LAB = seat('2');
const props = { onRules: () => {}, onQuit: () => {}, autoRecap: 'never' as const };

function labDesk(): GameState {
  const G = fresh();
  G.firms[LAB].secrets.homeTB = 80;
  return G;
}

/** A board whose `act` really plans the order on the full state, then redraws from the lab's view. */
function liveBoard(G: GameState) {
  const act = vi.fn((p: ActionPayload) => {
    if (p.action !== 'order') return { ok: true as const };
    const r = planOrder(G, LAB, p.move, p.args);
    view.rerender(<Board G={playerView(G, LAB)} playerID={LAB} act={act} {...props} />);
    return r.ok ? { ok: true as const } : { ok: false as const, error: r.error };
  });
  const view = render(<Board G={playerView(G, LAB)} playerID={LAB} act={act} {...props} />);
  return act;
}

const moveItem = (move: string) =>
  document.querySelector(`.move[data-move=${move}]`) as HTMLElement;

describe('the move form', () => {
  it('shows the engine’s chance of a carrier being stopped, for the exact choice', () => {
    const G = labDesk();
    liveBoard(G);
    fireEvent.click(screen.getByRole('button', { name: /Courier data on drives/ }));
    fireEvent.change(screen.getByLabelText('Hub'), { target: { value: 'SG' } });
    fireEvent.change(screen.getByLabelText('Data (TB)'), { target: { value: '80' } });
    fireEvent.change(screen.getByLabelText('Carriers'), { target: { value: '2' } });
    const pct = carrierStopChance(G, 'SG', { tb: 80, carriers: 2, model: 0 }, 0);
    const preview = screen.getByTestId('move-preview').textContent ?? '';
    expect(preview).toContain(`${pct}% Customs in Singapore stop each carrier`);
    expect(preview).toMatch(/80 TB of data in Singapore/);
    // A lighter load per carrier is a different situation, with different odds.
    fireEvent.change(screen.getByLabelText('Carriers'), { target: { value: '4' } });
    const lighter = carrierStopChance(G, 'SG', { tb: 80, carriers: 4, model: 0 }, 0);
    expect(lighter).toBeLessThan(pct);
    expect(screen.getByTestId('move-preview').textContent).toContain(`${lighter}% Customs`);
  });

  it('warns when an order cannot pay off before the game ends', () => {
    const G = labDesk();
    G.round = G.rounds;
    liveBoard(G);
    fireEvent.click(screen.getByRole('button', { name: /Courier data on drives/ }));
    expect(screen.getByRole('note').textContent).toMatch(/Too late to pay off/);
  });

  it('closes with Escape and gives the focus back to the move', () => {
    liveBoard(labDesk());
    const head = within(moveItem('prepareData')).getByRole('button', {
      name: /Prepare training data/,
    });
    fireEvent.click(head);
    const form = screen.getByRole('form', { name: 'Prepare training data' });
    fireEvent.keyDown(within(form).getByRole('button', { name: /Add order/ }), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Prepare training data' })).toBeNull();
    expect(document.activeElement).toBe(head);
  });

  it('after adding an order, says so beside the move and keeps the focus there, not on the page', () => {
    const act = liveBoard(labDesk());
    fireEvent.click(screen.getByRole('button', { name: /Prepare training data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Add order: Prepare training data/ }));
    expect(act).toHaveBeenCalledTimes(1);
    const item = moveItem('prepareData');
    expect(within(item).getByRole('status').textContent).toMatch(
      /Added to your orders: Prepare training data/,
    );
    expect(document.activeElement).not.toBe(document.body);
    expect(item.contains(document.activeElement)).toBe(true);
  });

  it('says beside the move when the engine refused it', () => {
    const G = labDesk();
    const act = vi.fn(() => ({ ok: false as const, error: 'The engine says no.' }));
    render(<Board G={playerView(G, LAB)} playerID={LAB} act={act} {...props} />);
    fireEvent.click(screen.getByRole('button', { name: /Prepare training data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Add order: Prepare training data/ }));
    expect(within(moveItem('prepareData')).getByRole('status').textContent).toMatch(
      /Not added: The engine says no/,
    );
  });
});
