// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { BoardProps } from 'boardgame.io/react';
import type { GameState } from '../../game/engine';
import { NetBoard } from '../../src/app/online/NetBoard';
import { TableTalk } from '../../src/app/online/TableTalk';
import { seatRows } from '../../src/app/online/seats';
import { CHAT_NO_ANSWER, CHAT_OFFLINE, sendChat } from '../../src/app/online/transport';
import { fresh, playerView } from './fixtures';

/** A classroom match's seats as the socket's matchData gives them. */
const rows = seatRows(null, [
  {
    id: 0,
    name: 'Ana',
    isConnected: true,
    data: { kind: 'person', role: 'regulator', label: 'Regulator' },
  },
  {
    id: 1,
    name: 'Sam',
    isConnected: true,
    data: { kind: 'person', role: 'vendor', label: 'Chip vendor' },
  },
  { id: 2, isConnected: true, data: { kind: 'bot', role: 'firm', label: 'Beijing lab' } },
  { id: 3, isConnected: true, data: { kind: 'bot', role: 'hub', label: 'Hub governments' } },
]);
const said = (id: string, sender: string, payload: string, round: number) => ({
  id,
  sender,
  payload,
  round,
});

beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

const box = () => screen.getByLabelText('Message to everyone at the table') as HTMLInputElement;
/** Types into the line and presses Enter (the form's submit). */
function write(text: string): void {
  fireEvent.change(box(), { target: { value: text } });
  fireEvent.submit(box().closest('form')!);
}

describe("the online board's table talk", () => {
  it('tells how many messages are new, then shows each under its seat, name and round', () => {
    const messages = [said('a', '0', 'Hello <i>all</i>', 1), said('b', '1', 'Hi', 2)];
    render(<TableTalk matchID="m1" messages={messages} rows={rows} me="1" send={vi.fn()} />);
    const toggle = screen.getByRole('button', { name: 'Table talk 2 new' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const log = screen.getByRole('log', { name: 'Messages at this table' });
    const items = within(log).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'RRegulator (Ana)round 1Hello <i>all</i>',
      'VYou (Chip vendor)round 2Hi',
    ]);
    expect(log.querySelector('i')).toBeNull();
    expect(screen.getByRole('button', { name: 'Table talk' })).toBe(toggle);
    // The line to write in has the focus as the panel opens.
    expect(document.activeElement).toBe(box());
  });

  it('announces a message from someone else while closed, once the chat is quiet', () => {
    vi.useFakeTimers();
    try {
      const view = (messages: ReturnType<typeof said>[]) => (
        <TableTalk matchID="m1" messages={messages} rows={rows} me="1" send={vi.fn()} />
      );
      const { rerender } = render(view([]));
      const live = () => document.querySelector('[aria-live="polite"]')!.textContent;
      const later = () => act(() => void vi.advanceTimersByTime(1000));
      // The chat so far arrives message by message: one notice, for all of it.
      rerender(view([said('a', '0', 'Ready?', 1)]));
      expect(live()).toBe('');
      rerender(view([said('a', '0', 'Ready?', 1), said('b', '0', 'Go', 1)]));
      later();
      expect(live()).toBe('2 new in table talk, the latest from Regulator (Ana): Go');
      // Its own message is nothing to announce.
      rerender(
        view([said('a', '0', 'Ready?', 1), said('b', '0', 'Go', 1), said('c', '1', 'Yes', 1)]),
      );
      later();
      expect(live()).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps what was read across a reload: only later messages are new', () => {
    const one = [said('a', '0', 'One', 1)];
    const first = render(<TableTalk matchID="m1" messages={one} rows={rows} me="1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Table talk 1 new' }));
    first.unmount();
    render(
      <TableTalk matchID="m1" messages={[...one, said('b', '0', 'Two', 1)]} rows={rows} me="1" />,
    );
    expect(screen.getByRole('button', { name: 'Table talk 1 new' })).toBeTruthy();
  });

  it('sends on Enter and empties the line once the server has the message', async () => {
    const send = vi.fn(() => Promise.resolve(null));
    render(<TableTalk matchID="m1" messages={[]} rows={rows} me="0" send={send} />);
    fireEvent.click(screen.getByRole('button', { name: 'Table talk' }));
    await act(async () => write('  Shall we talk?  '));
    expect(send).toHaveBeenCalledWith('  Shall we talk?  ');
    expect(box().value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    // Nothing written: nothing sent, and it says so.
    await act(async () => write('   '));
    expect(send).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toBe('Not sent. Write your message first.');
  });

  it.each([
    ['too many messages: wait a moment', /sending messages too fast\. Wait a few seconds/],
    ['rate limited', /sending messages too fast/],
    [
      'a message is 1 to 500 characters of text',
      /too long: a message is at most 500 characters, and this one has 501/,
    ],
    ["this match's chat is full (500 messages)", /chat is full: no more messages can be added/],
    ['seat changed hands', /This seat is no longer yours/],
    [CHAT_OFFLINE, /not connected to the server\. Send it again once the board has reconnected/],
    [CHAT_NO_ANSWER, /The server did not answer/],
    ['something new', /The server refused it: something new\./],
  ])('shows the refusal "%s" and keeps the message to send again', async (error, reason) => {
    const send = vi.fn(() => Promise.resolve(error));
    render(<TableTalk matchID="m1" messages={[]} rows={rows} me="0" send={send} />);
    fireEvent.click(screen.getByRole('button', { name: 'Table talk' }));
    const text = 'x'.repeat(501);
    await act(async () => write(text));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^Not sent\. /);
    expect(alert.textContent).toMatch(reason);
    expect(alert.textContent).toMatch(/Your message is still in the box\.$/);
    expect(box().value).toBe(text);
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(box().getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('marks a message over the limit before it is sent', () => {
    render(<TableTalk matchID="m1" messages={[]} rows={rows} me="0" send={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Table talk' }));
    fireEvent.change(box(), { target: { value: 'é'.repeat(500) } });
    expect(screen.getByText('500 / 500 characters')).toBeTruthy();
    fireEvent.change(box(), { target: { value: 'é'.repeat(501) } });
    expect(screen.getByText('501 / 500 characters: too long')).toBeTruthy();
  });

  it('lets a spectator read, with nothing to write with', () => {
    render(<TableTalk matchID="m1" messages={[said('a', '1', 'Hi', 3)]} rows={rows} me={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Table talk 1 new' }));
    expect(screen.getByRole('log').textContent).toMatch(/Chip vendor \(Sam\)round 3Hi/);
    expect(screen.queryByLabelText('Message to everyone at the table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(screen.getByText(/only the players seated at this table can write here/)).toBeTruthy();
  });

  it('closes on Escape and gives the focus back to its button', () => {
    render(<TableTalk matchID="m1" messages={[]} rows={rows} me="0" send={vi.fn()} />);
    const toggle = screen.getByRole('button', { name: 'Table talk' });
    fireEvent.click(toggle);
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(screen.queryByRole('log')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('is on the online board, and not on a class table, which has its own talk', () => {
    const props = {
      G: playerView(fresh(), '0' as never),
      moves: {},
      playerID: '0',
      matchID: 'm1',
      matchData: [0, 1, 2, 3].map((id) => ({ id, name: `P${id}`, isConnected: true })),
      chatMessages: [said('a', '1', 'Hi', 1)],
      isConnected: true,
    } as unknown as BoardProps<GameState>;
    const extras = { onRules() {}, onQuit() {}, creator: false, myName: 'P0' };
    const online = render(<NetBoard {...props} {...extras} tableTalk />);
    expect(screen.getByRole('button', { name: 'Table talk 1 new' })).toBeTruthy();
    online.unmount();
    render(<NetBoard {...props} {...extras} />);
    expect(screen.queryByRole('button', { name: /Table talk/ })).toBeNull();
  });

  it('says so, without waiting, when the match has no socket open', async () => {
    await expect(sendChat('nowhere', 'hi')).resolves.toEqual({ ok: false, error: CHAT_OFFLINE });
  });
});
