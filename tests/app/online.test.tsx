// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { parseRoute, pathOf } from '../../src/app/online/urls';
import {
  codeProblem,
  createProblem,
  isDemo,
  freeSeats,
  holderText,
  nameProblem,
  normalizeCode,
  seatRows,
  seatSpecs,
} from '../../src/app/online/seats';
import type { MatchInfo } from '../../src/app/online/lobby';
import { JoinByCode } from '../../src/app/online/OnlineHome';
import { SeatPicker } from '../../src/app/online/SeatPicker';
import { CreateMatch } from '../../src/app/online/CreateMatch';
import { HostSeats } from '../../src/app/online/HostSeats';
import { PresenceStrip } from '../../src/app/online/PresenceStrip';
import { NetBoard } from '../../src/app/online/NetBoard';
import { Spectator } from '../../src/app/online/Spectator';
import { fresh, plan, playerView, resolve } from './fixtures';
import type { GameState } from '../../game/engine';
import type { BoardProps } from 'boardgame.io/react';

const INFO: MatchInfo = {
  matchID: 'm1',
  scenario: 'classroom',
  visibility: 'private',
  paused: false,
  gameover: null,
  createdAt: 1,
  seats: [
    { id: '0', role: 'regulator', label: 'Regulator', kind: 'person', name: 'Ms Rivera' },
    { id: '1', role: 'vendor', label: 'Chip vendor', kind: 'open' },
    { id: '2', role: 'firm', label: 'Beijing lab', kind: 'bot', botLevel: 'heuristic' },
    { id: '3', role: 'facilitator', label: 'Facilitator', kind: 'open' },
  ],
};

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  window.localStorage.clear();
  window.history.pushState(null, '', '/');
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
const reply = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('online selectors', () => {
  it('parses the shared links and builds them back', () => {
    expect(parseRoute('/join/k7qp2m')).toEqual({ kind: 'join', code: 'K7QP2M' });
    expect(parseRoute('/watch/abc_DEF-1')).toEqual({ kind: 'watch', matchID: 'abc_DEF-1' });
    expect(parseRoute('/online/')).toEqual({ kind: 'home' });
    expect(parseRoute('/online/new')).toEqual({ kind: 'create' });
    expect(parseRoute('/')).toBeNull();
    expect(parseRoute('/play/a/b')).toBeNull();
    expect(parseRoute('/host/<script>')).toBeNull();
    expect(pathOf({ kind: 'play', matchID: 'x1' })).toBe('/play/x1');
    expect(pathOf({ kind: 'join', code: '' })).toBe('/join');
  });

  it('overlays live presence on the lobby facts; bots count as connected', () => {
    const rows = seatRows(INFO, [
      {
        id: 0,
        name: 'Ms Rivera',
        isConnected: false,
        data: { kind: 'person', role: 'regulator', label: 'Regulator' },
      },
      {
        id: 1,
        name: 'Sam',
        isConnected: true,
        data: { kind: 'person', role: 'vendor', label: 'Chip vendor' },
      },
      {
        id: 2,
        isConnected: true,
        data: { kind: 'bot', role: 'firm', label: 'Beijing lab', botLevel: 'random' },
      },
      {
        id: 3,
        isConnected: false,
        data: { kind: 'open', role: 'facilitator', label: 'Facilitator' },
      },
    ]);
    expect(rows.map((r) => [r.kind, r.name, r.connected])).toEqual([
      ['person', 'Ms Rivera', false],
      ['person', 'Sam', true],
      ['bot', null, true],
      ['open', null, false],
    ]);
    expect(holderText(rows[2])).toBe('Easy bot');
    expect(seatRows(INFO, undefined)[0].connected).toBeNull();
  });

  it('offers open seats, the facilitator seat only to the creator', () => {
    expect(freeSeats(INFO, false).map((s) => s.id)).toEqual(['1']);
    expect(freeSeats(INFO, true).map((s) => s.id)).toEqual(['1', '3']);
  });

  it('checks names, codes and the create form', () => {
    expect(nameProblem('  ')).toMatch(/Type/);
    expect(nameProblem('x'.repeat(25))).toMatch(/24/);
    expect(nameProblem('Sam')).toBeNull();
    expect(normalizeCode(' k7q-p2m ')).toBe('K7QP2M');
    expect(codeProblem('k7q p2m')).toBeNull();
    expect(codeProblem('')).toMatch(/Type/);
    expect(codeProblem('no!')).toMatch(/letters and digits/);
    expect(seatSpecs(['person', 'random', 'heuristic'])).toEqual([
      { kind: 'person' },
      { kind: 'bot', level: 'random' },
      { kind: 'bot', level: 'heuristic' },
    ]);
    // Every role a bot is a demo, not a mistake; only the facilitator a person is one too.
    expect(createProblem(['random', 'heuristic'], ['regulator', 'vendor'])).toBeNull();
    expect(isDemo(['random', 'heuristic'], ['regulator', 'vendor'])).toBe(true);
    expect(isDemo(['person', 'random'], ['facilitator', 'vendor'])).toBe(true);
    expect(isDemo(['random', 'person'], ['regulator', 'vendor'])).toBe(false);
  });
});

describe('online forms', () => {
  it('join by code: explains a bad code, goes to /join/CODE for a good one', () => {
    render(<JoinByCode />);
    const input = screen.getByLabelText('Code from the host screen');
    fireEvent.change(input, { target: { value: 'a!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the match' }));
    expect(screen.getByText(/letters and digits/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'k7qp2m' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the match' }));
    expect(window.location.pathname).toBe('/join/K7QP2M');
  });

  it('seat picker: lists free seats only, needs a name, joins with the code and keeps the credentials', async () => {
    fetchMock.mockImplementation(() => reply(200, { playerID: '1', credentials: 'secret' }));
    render(<SeatPicker info={INFO} code="K7QP2M" />);
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['1']);
    fireEvent.click(screen.getByRole('button', { name: 'Join and play' }));
    expect(screen.getByText('Type the name others will see.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Your name (others see it)'), {
      target: { value: ' <b>Sam</b> ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join and play' }));
    await waitFor(() => expect(window.location.pathname).toBe('/play/m1'));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/matches/m1/join');
    expect(JSON.parse(String(init.body))).toEqual({
      seat: '1',
      name: '<b>Sam</b>',
      code: 'K7QP2M',
    });
    expect(JSON.parse(window.localStorage.getItem('chokepoint:seat:m1') ?? '{}')).toMatchObject({
      playerID: '1',
      credentials: 'secret',
    });
  });

  it('seat picker: shows the server’s refusal', async () => {
    fetchMock.mockImplementation(() => reply(409, { error: 'seat taken' }));
    render(<SeatPicker info={INFO} code="K7QP2M" />);
    fireEvent.change(screen.getByLabelText('Your name (others see it)'), {
      target: { value: 'Sam' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join and play' }));
    await screen.findByText('The server said: seat taken.');
    expect(window.location.pathname).toBe('/');
  });

  it('create form: sends the scenario, each seat as a person or a bot, the visibility; opens the host screen', async () => {
    fetchMock.mockImplementation(() =>
      reply(200, {
        ...INFO,
        matchID: 'new1',
        joinCode: 'ABC234',
        joinUrl: 'http://x/join/ABC234',
        spectateUrl: '/watch/new1',
        creatorToken: 'tok',
      }),
    );
    render(<CreateMatch />);
    fireEvent.click(screen.getByRole('radio', { name: /Classroom/ }));
    fireEvent.change(screen.getByLabelText('Chip vendor: who plays'), {
      target: { value: 'person' },
    });
    fireEvent.change(screen.getByLabelText('Hub governments: who plays'), {
      target: { value: 'random' },
    });
    fireEvent.click(screen.getByRole('radio', { name: /Public/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create the match' }));
    });
    await waitFor(() => expect(window.location.pathname).toBe('/host/new1'));
    const body = JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body)) as {
      scenario: string;
      seats: unknown[];
      visibility: string;
    };
    expect(body).toEqual({
      scenario: 'classroom',
      visibility: 'public',
      seats: [
        { kind: 'person' },
        { kind: 'person' },
        { kind: 'bot', level: 'heuristic' },
        { kind: 'bot', level: 'random' },
        { kind: 'person' }, // the facilitator seat, kept open for the host
      ],
    });
    expect(window.localStorage.getItem('chokepoint:creator:new1')).toBe('tok');
    expect(JSON.parse(window.localStorage.getItem('chokepoint:host:new1') ?? '{}')).toMatchObject({
      joinCode: 'ABC234',
      joinUrl: 'http://x/join/ABC234',
    });
  });

  it('create form: a match with no person is a demo to watch', () => {
    render(<CreateMatch />);
    for (const role of ['Regulator', 'Chip vendor', 'Beijing lab', 'Hub governments'])
      fireEvent.change(screen.getByLabelText(`${role}: who plays`), {
        target: { value: 'random' },
      });
    expect(
      (screen.getByRole('button', { name: 'Create the match' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect(screen.getByText(/Every role is a bot: a demo/)).toBeTruthy();
  });

  it('host seats: names as text, the right control per seat kind', () => {
    const rows = seatRows(
      {
        ...INFO,
        seats: INFO.seats.map((s) =>
          s.id === '0' ? { ...s, name: '<img src=x onerror=alert(1)>' } : s,
        ),
      },
      undefined,
    );
    const toBot = vi.fn();
    const toOpen = vi.fn();
    const { container } = render(
      <HostSeats rows={rows} busy={false} actions={{ toBot, toOpen }} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Replace with a bot (Regulator)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Free for a person (Beijing lab)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fill with a bot (Chip vendor)' }));
    expect(toBot.mock.calls).toEqual([['0'], ['1']]);
    expect(toOpen.mock.calls).toEqual([['2']]);
    expect(screen.queryByRole('button', { name: /Facilitator/ })).toBeNull();
    render(<HostSeats rows={rows} busy={false} actions={null} />);
    expect(screen.getAllByRole('button')).toHaveLength(3);
  });

  it('presence strip: who is here and still planning, paused, a refused move, host link only for the creator', () => {
    const rows = seatRows(INFO, [
      {
        id: 0,
        name: 'Ms Rivera',
        isConnected: true,
        data: { kind: 'person', role: 'regulator', label: 'Regulator' },
      },
      {
        id: 1,
        name: 'Sam',
        isConnected: false,
        data: { kind: 'person', role: 'vendor', label: 'Chip vendor' },
      },
    ]);
    const { rerender } = render(
      <PresenceStrip
        matchID="m1"
        rows={rows}
        me="1"
        planning={['0']}
        online
        paused
        refused="match is paused"
        creator={false}
      />,
    );
    expect(screen.getByRole('img', { name: 'connected' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'not connected' })).toBeTruthy();
    expect(screen.getByText('You')).toBeTruthy();
    // Who is still planning shows on their seat; the vendor has sealed.
    const seats = screen.getAllByRole('listitem');
    expect(seats[0].textContent).toMatch(/planning…/);
    expect(seats[1].textContent).not.toMatch(/planning…/);
    expect(screen.getByTestId('paused').textContent).toMatch(/Paused/);
    expect(screen.getByRole('alert').textContent).toMatch(/Move refused: match is paused/);
    expect(screen.queryByRole('link', { name: 'Host controls' })).toBeNull();
    rerender(
      <PresenceStrip
        matchID="m1"
        rows={rows}
        me="0"
        planning={[]}
        online={false}
        paused={false}
        refused={null}
        creator
      />,
    );
    expect(screen.getByRole('link', { name: 'Host controls' }).getAttribute('href')).toBe(
      '/host/m1',
    );
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    expect(screen.queryByText('planning…')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('online board and spectator', () => {
  const liveSeats = [0, 1, 2, 3].map((id) => ({
    id,
    name: `P${id}`,
    isConnected: true,
    data: { kind: 'person', role: ['regulator', 'vendor', 'firm', 'hub'][id], label: `S${id}` },
  }));
  /** The parts of boardgame.io's board props these screens read. */
  const bgio = (
    G: GameState,
    playerID: string | null,
    moves: Record<string, unknown> = {},
  ): BoardProps<GameState> =>
    ({
      G,
      moves,
      playerID,
      matchID: 'm1',
      matchData: liveSeats,
      isConnected: true,
    }) as unknown as BoardProps<GameState>;

  it('sends each planning action as its boardgame.io move with the payload’s arguments', () => {
    const moves = { order: vi.fn(), withdraw: vi.fn(), card: vi.fn(), submit: vi.fn() };
    const G = fresh();
    plan(G, '2' as never, [['prepareData']], false);
    render(
      <NetBoard
        {...bgio(playerView(G, '2' as never), '2', moves)}
        onRules={() => {}}
        onQuit={() => {}}
        creator={false}
        myName="Sam"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /Register a local entity/ }));
    fireEvent.click(screen.getByRole('button', { name: /Add order: Register a local entity/ }));
    expect(moves.order).toHaveBeenCalledWith({ move: 'registerEntity', args: { hub: 'MY' } });
    fireEvent.click(screen.getByRole('button', { name: /Withdraw order 1/ }));
    expect(moves.withdraw).toHaveBeenCalledWith({ index: 0 });
    fireEvent.click(screen.getAllByRole('button', { name: 'Play for its event' })[0]);
    expect(moves.card).toHaveBeenCalledWith({ card: G.plans['2'].hand[0], use: 'event' });
    fireEvent.click(screen.getByRole('button', { name: 'Submit and seal orders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, seal my orders' }));
    expect(moves.submit).toHaveBeenCalledWith({});
    // Every seat shows as still planning in the presence strip.
    expect(document.querySelectorAll('.presence-strip .presence-plan')).toHaveLength(4);
  });

  it('spectator: the public recap opens after a resolution, with none of a firm’s secrets', () => {
    const G = fresh();
    plan(G, '2' as never, [['registerEntity', { hub: 'MY' }]]);
    const before = playerView(G, null);
    const { rerender } = render(
      <Spectator {...bgio(before, null)} onRules={() => {}} onQuit={() => {}} />,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByText('Beijing lab')[0].closest('li')?.textContent).toMatch(/sealed/);
    resolve(G);
    rerender(
      <Spectator {...bgio(playerView(G, null), null)} onRules={() => {}} onQuit={() => {}} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'What happened in round 1' });
    expect(dialog.textContent).toMatch(/everyone/);
    expect(document.body.textContent).not.toMatch(/Registered a local entity/);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Round 1 recap' })).toBeTruthy();
  });
});
