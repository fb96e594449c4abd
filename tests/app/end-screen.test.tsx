// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { playerView } from '../../game/engine';
import { readReplay } from '../../game/replay';
import { EndScreen } from '../../src/app/end/EndScreen';
import { botMatch } from '../replay/fixtures';

afterEach(cleanup);

const { file } = botMatch('classroom', 'end-screen');
const played = readReplay(file);
if (!played.ok) throw new Error(played.error);
const last = played.replay.states.at(-1)!;
const G = playerView(last, null);
const checks = () => screen.getAllByTestId('seal-check').map((e) => e.textContent);

describe('the end screen', () => {
  it("checks every round's seals, the earlier rounds' plans read from the match's record", async () => {
    render(<EndScreen G={G} onNewGame={() => {}} record={async () => readReplay(file)} />);
    await waitFor(() => expect(checks()).not.toContain('opening…'));
    expect(checks()).toHaveLength(G.rounds * G.planners.length);
    expect(new Set(checks())).toEqual(new Set(['✓ seal matches']));
  });

  it('says so when the record cannot be read, and still checks the last round', async () => {
    render(
      <EndScreen
        G={G}
        onNewGame={() => {}}
        record={async () => ({ ok: false, error: 'the server answered 503' })}
      />,
    );
    expect(await screen.findByTestId('record-unread')).toHaveProperty(
      'textContent',
      "The earlier rounds' plans could not be opened: the server answered 503",
    );
    const byRound = screen
      .getAllByTestId('sealed-plans')
      .map((round) =>
        [...round.querySelectorAll('[data-testid=seal-check]')].map((e) => e.textContent),
      );
    expect(byRound).toHaveLength(G.rounds);
    expect(new Set(byRound.at(-1))).toEqual(new Set(['✓ seal matches']));
    for (const round of byRound.slice(0, -1))
      expect(new Set(round)).toEqual(new Set(['not opened']));
  });
});
