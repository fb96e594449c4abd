// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { legalMoves, playCard, type GameState } from '../../game/engine';
import { MoveForm } from '../../src/app/board/MoveForm';
import { Board } from '../../src/app/board/Board';
import { findChoice, labeler } from '../../src/app/selectors/moves';
import { fresh, plan, playerView, resolve, seat } from './fixtures';

afterEach(cleanup);

const REG = seat('0');
const LAB = seat('2');

function labDesk(): GameState {
  const G = fresh();
  G.firms[LAB].secrets.homeTB = 160;
  return G;
}

describe('move form', () => {
  it('offers only legal combinations and sends one of the engine’s choices', () => {
    const G = labDesk();
    const option = legalMoves(G, LAB).find((o) => o.move === 'courierData')!;
    const onSubmit = vi.fn();
    render(<MoveForm option={option} label={labeler(G)} onSubmit={onSubmit} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Hub'), { target: { value: 'SG' } });
    fireEvent.change(screen.getByLabelText('Data (TB)'), { target: { value: '160' } });
    const carriers = screen.getByLabelText('Carriers') as HTMLSelectElement;
    expect([...carriers.options].map((o) => o.value)).toEqual(['4']);
    const cost = screen.getByTestId('move-cost').textContent;
    fireEvent.click(
      screen.getByRole('button', { name: `Add order: Courier data on drives — ${cost}` }),
    );
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

describe('planning desk', () => {
  const props = { onRules: () => {}, onQuit: () => {}, autoRecap: 'never' as const };

  it('adds an order through the engine and shows why the engine refused one, the board unchanged', () => {
    const G = playerView(labDesk(), LAB);
    const before = JSON.stringify(G);
    const act = vi.fn(() => ({ ok: false as const, error: 'The engine says no.' }));
    render(<Board G={G} playerID={LAB} act={act} {...props} />);
    expect(screen.getByTestId('budget').textContent).toMatch(
      new RegExp(`^0 of ${G.actionsPerRound} orders planned`),
    );
    fireEvent.click(screen.getByRole('button', { name: /Prepare training data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Add order: Prepare training data — / }));
    expect(act).toHaveBeenCalledWith({ action: 'order', move: 'prepareData', args: {} });
    expect(screen.getByTestId('notice').textContent).toBe('Not done: The engine says no.');
    expect(JSON.stringify(G)).toBe(before);
  });

  it('lists planned orders numbered with their costs and a Withdraw button each', () => {
    const full = labDesk();
    plan(full, LAB, [['prepareData'], ['registerEntity', { hub: 'MY' }]], false);
    const act = vi.fn(() => ({ ok: true as const }));
    render(<Board G={playerView(full, LAB)} playerID={LAB} act={act} {...props} />);
    const items = within(screen.getByTestId('orders')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Prepare training data\$\d+Withdraw$/),
      expect.stringMatching(/^Register a local entity — Malaysia\$\d+Withdraw$/),
    ]);
    expect(screen.getByTestId('budget').textContent).toMatch(
      new RegExp(`^2 of ${full.actionsPerRound} orders planned`),
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Withdraw order 2: Register a local entity' }),
    );
    expect(act).toHaveBeenCalledWith({ action: 'withdraw', index: 1 });
    expect(screen.getByTestId('notice').textContent).toBe('');
  });

  it('asks before sealing, then sends submit', () => {
    const act = vi.fn(() => ({ ok: true as const }));
    render(<Board G={playerView(labDesk(), LAB)} playerID={LAB} act={act} {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Submit and seal orders' }));
    expect(
      screen.getByText('Submit and seal your orders? You cannot change them after.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(act).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Submit and seal orders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, seal my orders' }));
    expect(act).toHaveBeenCalledWith({ action: 'submit' });
  });

  it('shows the hand with dates and sources, three ways to play a card, and when an event fires anyway', () => {
    const full = fresh();
    const act = vi.fn(() => ({ ok: true as const }));
    render(<Board G={playerView(full, REG)} playerID={REG} act={act} {...props} />);
    const hand = screen.getByTestId('hand');
    expect(hand.textContent).toMatch(/still fires its event/);
    expect(hand.textContent).toMatch(/\d{4}/);
    const cardId = full.plans[REG].hand[0];
    fireEvent.click(within(hand).getAllByRole('button', { name: 'Play for an extra order' })[0]);
    expect(act).toHaveBeenCalledWith({ action: 'card', card: cardId, use: 'action' });
    expect(
      within(hand).getAllByRole('button', { name: /Play for capital \(\+\d+ political capital\)/ })
        .length,
    ).toBe(full.plans[REG].hand.length);
  });

  it('after submitting shows the seal and who is still planning, and no more forms', () => {
    const full = fresh();
    playCard(full, LAB, full.plans[LAB].hand[0], 'capital');
    plan(full, LAB, [['prepareData']]);
    render(
      <Board G={playerView(full, LAB)} playerID={LAB} act={() => ({ ok: true })} {...props} />,
    );
    const sealed = screen.getByTestId('sealed').textContent;
    expect(sealed).toContain(`Sealed: ${full.plans[LAB].seal!.slice(0, 12)}`);
    expect(sealed).toContain('Waiting for: Regulator, Chip vendor, Hub governments');
    expect(screen.queryByRole('button', { name: /Withdraw/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit and seal orders' })).toBeNull();
    expect(document.querySelector('.move-form, .add-order')).toBeNull();
    expect(screen.getByText(/Card: “.*” for capital/)).toBeTruthy();
  });

  it('opens the recap of a newly resolved round and closes it with Escape', () => {
    const full = labDesk();
    plan(full, LAB, [['prepareData']]);
    resolve(full);
    render(
      <Board
        G={playerView(full, LAB)}
        playerID={LAB}
        act={() => ({ ok: true })}
        onRules={() => {}}
        onQuit={() => {}}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'What happened in round 1' });
    expect(within(dialog).getByText(/Prepared \d+ TB of training data/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('What happened in round 1');
    // Tab stays inside the dialog: past its last button it comes back to its first.
    const continueButton = within(dialog).getByRole('button', { name: 'Continue' });
    continueButton.focus();
    fireEvent.keyDown(continueButton, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Round 1 recap' }));
    expect(screen.getByRole('dialog', { name: 'What happened in round 1' })).toBeTruthy();
  });

  it('holds none of another firm’s secrets in the regulator’s board', () => {
    const full = labDesk();
    full.firms[LAB].secrets.entities.push({
      id: 'e7' as never,
      hub: 'TH',
      exposed: false,
      listed: false,
    });
    plan(full, LAB, [['prepareData']], false);
    render(
      <Board G={playerView(full, REG)} playerID={REG} act={() => ({ ok: true })} {...props} />,
    );
    expect(document.body.textContent).not.toMatch(/entity in Thailand|Prepare training data/);
    expect(document.querySelector('[data-testid=my-secrets]')).toBeNull();
  });
});

describe('facilitator', () => {
  it('gives no orders but sees who is still planning', () => {
    const G = fresh('tiered2025');
    const facilitator = G.seats.find((s) => s.role === 'facilitator')!.id;
    render(
      <Board
        G={playerView(G, facilitator)}
        playerID={facilitator}
        act={() => ({ ok: true })}
        onRules={() => {}}
        onQuit={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Round 1: you give no orders' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit and seal orders' })).toBeNull();
    expect(document.querySelectorAll('.planning [data-testid=seat-status]')).toHaveLength(
      G.planners.length,
    );
  });

  it("sees every secret: a lab's drafted orders and holdings, the true market, the regulator's intel", () => {
    const G = fresh('tiered2025');
    const facilitator = G.seats.find((s) => s.role === 'facilitator')!.id;
    const lab = G.seats.find((s) => s.role === 'firm')!.id;
    plan(G, lab, [['registerEntity', { hub: 'MY' }]]);
    G.regulator.intel.push({ round: 1, hub: 'SG' });
    const board = (viewer: typeof lab) =>
      render(
        <Board
          G={playerView(G, viewer)}
          playerID={viewer}
          act={() => ({ ok: true })}
          onRules={() => {}}
          onQuit={() => {}}
        />,
      );
    board(facilitator);
    const desk = screen.getByTestId('facilitator-desk');
    expect(desk.textContent).toMatch(/Register a local entity/);
    expect(desk.textContent).toMatch(/cloud KYC reports flag Singapore/);
    expect(desk.querySelectorAll('.fac-market tbody tr')).toHaveLength(7);
    expect(desk.textContent).toMatch(/Cash \$\d+; capability/);
    cleanup();
    // Any other seat: no desk, and none of it in the page.
    const reg = G.seats.find((s) => s.role === 'regulator')!.id;
    board(reg);
    expect(screen.queryByTestId('facilitator-desk')).toBeNull();
    expect(document.body.textContent).not.toMatch(/Register a local entity/);
  });
});
