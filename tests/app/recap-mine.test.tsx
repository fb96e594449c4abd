// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { roundRecap } from '../../src/app/selectors/recap';
import { RoundRecap } from '../../src/app/board/RoundRecap';
import { fresh, plan, playerView, resolve, seat } from './fixtures';

const REG = seat('0');
const LAB = seat('2');

afterEach(cleanup);

function labRound() {
  const G = fresh();
  plan(G, LAB, [['registerEntity', { hub: 'MY' }], ['prepareData']]);
  resolve(G);
  // As the firms' step would write it, had the order found no room.
  G.log.push({ round: 1, step: 5, text: 'Your order did not happen. No room.', to: LAB });
  return G;
}

describe('the recap puts what happened to the reader first', () => {
  it("lists the reader's own lines, a failed order at the top, and nobody else's", () => {
    const G = labRound();
    const lab = roundRecap(playerView(G, LAB), LAB);
    expect(lab.mine[0].text).toMatch(/did not happen/);
    expect(lab.mine.map((l) => l.text)).toContain('Registered a local entity in Malaysia.');
    expect(roundRecap(playerView(G, REG), REG).mine.some((l) => /Registered/.test(l.text))).toBe(
      false,
    );
    expect(roundRecap(playerView(G, null), null).mine).toEqual([]);
  });

  it('shows that section first and each line once', () => {
    const G = labRound();
    render(
      <RoundRecap
        recap={roundRecap(playerView(G, LAB), LAB)}
        audience="Beijing lab"
        mode="screen"
        onClose={() => {}}
      />,
    );
    const sections = screen.getAllByRole('heading', { level: 2 });
    expect(sections[0].textContent).toBe('What happened to you');
    const mine = screen.getByTestId('recap-mine');
    expect(within(mine).getByText(/Registered a local entity in Malaysia/)).toBeTruthy();
    expect(screen.getAllByText(/Registered a local entity in Malaysia/)).toHaveLength(1);
  });
});
