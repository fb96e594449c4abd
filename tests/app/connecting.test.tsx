// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ConnectingTo, Loading, SLOW_CONNECT_MS } from '../../src/app/online/netClient';
import { clearRefusal, noteRefusal } from '../../src/app/online/transport';
import { SyncRefused } from '../../src/app/online/Refusals';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('before the first sync', () => {
  it('says it is connecting, and after a while that the server may be unreachable', () => {
    vi.useFakeTimers();
    render(<Loading />);
    expect(screen.getByRole('status').textContent).toBe('Connecting to the match…');
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => vi.advanceTimersByTime(SLOW_CONNECT_MS - 1));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('alert').textContent).toMatch(/server may be unreachable/);
    expect(screen.getByRole('link', { name: 'Start screen' }).getAttribute('href')).toBe('/');
  });

  it('says the server is busy, not unreachable, while it turns the sync away for a while', () => {
    vi.useFakeTimers();
    render(
      <ConnectingTo.Provider value="m-busy1">
        <Loading />
      </ConnectingTo.Provider>,
    );
    act(() => noteRefusal('m-busy1', 'too many spectators for this match'));
    act(() => vi.advanceTimersByTime(SLOW_CONNECT_MS));
    expect(screen.getByRole('status').textContent).toMatch(
      /server is busy \(too many spectators for this match\): trying again/,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    // A refusal that is no limit (a move refused elsewhere) does not read as busy.
    act(() => noteRefusal('m-busy1', 'match is paused'));
    expect(screen.getByRole('status').textContent).toBe('Connecting to the match…');
    act(() => clearRefusal('m-busy1'));
  });
});

describe('a refused sync', () => {
  const shown = (reason: string, seated: boolean) => {
    render(<SyncRefused matchID="m-abc123" seated={seated} reason={reason} />);
    const heading = screen.getByRole('heading', { level: 2 }).textContent;
    cleanup();
    return heading;
  };

  it('is a dead link for a player and a spectator alike when the match is not there', () => {
    expect(shown('match not found', false)).toBe('This match is not on the server');
    expect(shown('match not found', true)).toBe('This match is not on the server');
    expect(shown('bad match id', false)).toBe('This match is not on the server');
  });

  it('is a lost seat for a player, and a refusal with its reason for a spectator', () => {
    expect(shown('unauthorized', true)).toBe('You no longer hold this seat');
    expect(shown('seat changed hands', true)).toBe('You no longer hold this seat');
    render(<SyncRefused matchID="m-abc123" seated={false} reason="closed to spectators" />);
    expect(screen.getByRole('alert').textContent).toMatch(/the server said: closed to spectators/);
  });
});
