import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/app';
import { ConfigError, readConfig } from '../../src/server/config';
import { Client, createMatch, join as joinSeat, startTestServer } from './helpers';

describe('config', () => {
  it('defaults to loopback, port 8000, ./data', () => {
    const c = readConfig([], {});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8000,
      dataDir: resolve('./data'),
      staticDir: resolve('./dist'),
    });
  });
  it('takes env, and flags over env', () => {
    const env = {
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/tmp/d',
      ALLOWED_ORIGINS: 'http://a,http://b',
    };
    expect(readConfig([], env)).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/tmp/d',
      allowedOrigins: ['http://a', 'http://b'],
    });
    expect(readConfig(['--port', '1234', '--host=::1', '--data', '/tmp/e'], env)).toMatchObject({
      host: '::1',
      port: 1234,
      dataDir: '/tmp/e',
    });
  });
  it('reads every limit from its env var or --limit NAME=VALUE, and allowed hosts', () => {
    const c = readConfig(
      ['--limit', 'SEND_BUFFER_BYTES=4096', '--limit=MATCH_IDLE_DAYS=2', '--allowed-host', 'a.b'],
      { SPECTATORS_PER_MATCH: '7', SEND_BUFFER_BYTES: '1', HEADERS_TIMEOUT_MS: '900' },
    );
    expect(c.limits.sockets).toEqual({ sendBufferBytes: 4096, spectatorsPerMatch: 7 });
    expect(c.limits.sweep).toEqual({ idleMs: 2 * 86_400_000 });
    expect(c.limits.http).toEqual({ headersTimeoutMs: 900 });
    expect(c.allowedHosts).toEqual(['a.b']);
    expect(() => readConfig(['--limit', 'NOPE=1'], {})).toThrow(/unknown limit NOPE/);
    expect(() => readConfig([], { MAX_CONNECTIONS: '-3' })).toThrow(/MAX_CONNECTIONS/);
  });
  it('rejects bad input with a clear message', () => {
    expect(() => readConfig(['--port', 'abc'], {})).toThrow(ConfigError);
    expect(() => readConfig(['--nope', '1'], {})).toThrow(/unknown flag --nope/);
    expect(() => readConfig(['--port'], {})).toThrow(/needs a value/);
  });
});

/** Raw GET so that "../" is sent as-is (fetch would normalise it). */
const rawGet = (
  url: string,
  path: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> =>
  new Promise((ok, fail) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });

describe('one server: app, lobby and sockets on one port', () => {
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'static-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'nope');
    server = await startTestServer({ staticDir: dir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'outside-secret.txt'), { force: true });
  });

  it('serves the built app with security headers, and client routes fall back to index.html', async () => {
    const index = await rawGet(server.url, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await rawGet(server.url, '/join/ABC234')).body).toContain('<title>app</title>');
    const js = await rawGet(server.url, '/assets/a.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await rawGet(server.url, '/missing.png')).status).toBe(404);
  });

  it('never serves files outside the app folder', async () => {
    for (const path of [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/..%2f..%2foutside-secret.txt',
      '/%E0%A4%A',
    ]) {
      const r = await rawGet(server.url, path);
      expect(r.body).not.toBe('nope');
      expect([400, 403, 404, 200]).toContain(r.status);
      if (r.status === 200) expect(r.body).toContain('<title>app</title>');
    }
  });

  it('shows who is connected: a seat turns disconnected when its socket leaves', async () => {
    const m = await createMatch(server.url);
    const cred = await joinSeat(server.url, m.matchID, '0');
    const watcher = new Client(server.url);
    await watcher.sync(m.matchID, null);
    const player = new Client(server.url);
    await player.sync(m.matchID, '0', cred);
    const seat0 = () => {
      const last = watcher.frames.filter((f) => f.event === 'matchData').pop();
      return (last?.args[1] as { id: number; isConnected: boolean }[] | undefined)?.find(
        (p) => p.id === 0,
      )?.isConnected;
    };
    await watcher.waitFor(() => seat0() === true);
    player.close();
    await watcher.waitFor(() => seat0() === false);
    watcher.close();
  });
});
