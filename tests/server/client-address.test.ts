import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { clientAddressOf } from '../../src/server/net/client-address';
import { api, startTestServer } from './helpers';

const request = (peer: string, forwardedFor?: string) => ({
  socket: { remoteAddress: peer } as never,
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('the address a request counts against', () => {
  const behindNginx = clientAddressOf(['127.0.0.1', '10.0.0.2']);

  it('is the peer itself when the peer is not a trusted proxy, whatever it claims', () => {
    expect(behindNginx(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
    expect(clientAddressOf()(request('127.0.0.1', '198.51.100.1'))).toBe('127.0.0.1');
  });

  it("is the client a trusted proxy names, read from the right past the proxies' own hops", () => {
    expect(behindNginx(request('127.0.0.1', '198.51.100.7'))).toBe('198.51.100.7');
    expect(behindNginx(request('127.0.0.1', '198.51.100.7, 10.0.0.2'))).toBe('198.51.100.7');
    // A client that sends its own header can only add entries on the left.
    expect(behindNginx(request('127.0.0.1', '1.2.3.4, 198.51.100.7'))).toBe('198.51.100.7');
  });

  it('groups IPv6 clients by /64 as the direct path does, and falls back to the proxy', () => {
    expect(behindNginx(request('127.0.0.1', '2001:db8:1:2::5'))).toBe(
      behindNginx(request('127.0.0.1', '2001:db8:1:2::9')),
    );
    expect(behindNginx(request('127.0.0.1'))).toBe('127.0.0.1');
    expect(behindNginx(request('::ffff:127.0.0.1', '198.51.100.7'))).toBe('198.51.100.7');
  });
});

describe('per-address budgets behind a load balancer', () => {
  let server: RunningServer;
  afterEach(async () => server.close());

  const create = (forwardedFor: string) =>
    api(
      server.url,
      'POST',
      '/api/matches',
      { scenario: 'quick' },
      {
        'x-forwarded-for': forwardedFor,
      },
    );

  it('counts each client the trusted proxy names, not the proxy as one crowd', async () => {
    server = await startTestServer({
      trustedProxies: ['127.0.0.1'],
      lobby: { openMatchesPerAddress: 2 },
    });
    expect((await create('198.51.100.1')).status).toBe(201);
    expect((await create('198.51.100.1')).status).toBe(201);
    const third = await create('198.51.100.1');
    expect(third.status).toBe(429);
    // Another pupil behind the same balancer still has a budget of their own.
    expect((await create('198.51.100.2')).status).toBe(201);
  });

  it('ignores the header from anyone it does not trust, so a client cannot pick a fresh address', async () => {
    server = await startTestServer({ lobby: { openMatchesPerAddress: 2 } });
    expect((await create('198.51.100.1')).status).toBe(201);
    expect((await create('198.51.100.2')).status).toBe(201);
    expect((await create('198.51.100.3')).status).toBe(429);
  });
});
