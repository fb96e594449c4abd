import { describe, expect, it } from 'vitest';
import { chatOnce } from '../../src/app/online/transport';

describe("the match's chat after a reconnection", () => {
  it('shows each message once, though the server sends the chat so far again', () => {
    const passed: unknown[] = [];
    const receive = chatOnce((d) => passed.push(d));
    const chat = (id: string, payload: string) => ({
      type: 'chat' as const,
      args: ['m1', { id, sender: '0', payload }] as [
        string,
        { id: string; sender: string; payload: string },
      ],
    });
    receive(chat('a', 'hello'));
    receive({ type: 'matchData', args: ['m1', []] });
    // Reconnected: the first sync brings the chat so far, then a new message.
    receive(chat('a', 'hello'));
    receive(chat('b', 'again'));
    receive({ type: 'matchData', args: ['m1', []] });
    expect(passed).toEqual([
      chat('a', 'hello'),
      { type: 'matchData', args: ['m1', []] },
      chat('b', 'again'),
      { type: 'matchData', args: ['m1', []] },
    ]);
  });
});
