import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';

describe('config: PostgreSQL and Redis', () => {
  it('leaves both unset by default (SQLite, one process)', () => {
    const c = readConfig([], {});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
  });
  it('reads DATABASE_URL, DATABASE_SCHEMA, REDIS_URL and NODE_NAME, flags over env', () => {
    const env = {
      DATABASE_URL: 'postgres://u@db:5432/chokepoint',
      DATABASE_SCHEMA: 'school_a',
      REDIS_URL: 'redis://cache:6379',
      NODE_NAME: 'a1',
    };
    expect(readConfig([], env)).toMatchObject({
      databaseUrl: env.DATABASE_URL,
      databaseSchema: 'school_a',
      redisUrl: env.REDIS_URL,
      nodeName: 'a1',
    });
    expect(readConfig(['--node', 'b2', '--redis-url', 'redis://other:1'], env)).toMatchObject({
      nodeName: 'b2',
      redisUrl: 'redis://other:1',
    });
  });
  it('refuses what would fail later, with the reason', () => {
    expect(() => readConfig([], { DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => readConfig([], { REDIS_URL: 'redis://r:1' })).toThrow(/needs DATABASE_URL/);
    expect(() =>
      readConfig([], { DATABASE_URL: 'postgres://x/y', DATABASE_SCHEMA: 'Drop Table' }),
    ).toThrow(/DATABASE_SCHEMA/);
    expect(() => readConfig([], { DATABASE_URL: 'postgres://x/y', REDIS_URL: 'http://r' })).toThrow(
      /REDIS_URL/,
    );
    expect(() => readConfig(['--node', 'a-b'], {})).toThrow(/NODE_NAME/);
  });
});

describe('config: trusted proxies', () => {
  it('trusts no proxy by default, and reads TRUSTED_PROXIES or --trusted-proxy', () => {
    expect(readConfig([], {}).trustedProxies).toEqual([]);
    expect(readConfig([], { TRUSTED_PROXIES: '127.0.0.1, ::1' }).trustedProxies).toEqual([
      '127.0.0.1',
      '::1',
    ]);
    expect(readConfig(['--trusted-proxy', '10.0.0.2'], {}).trustedProxies).toEqual(['10.0.0.2']);
  });
  it('refuses a name or a range in place of an address', () => {
    expect(() => readConfig([], { TRUSTED_PROXIES: 'nginx' })).toThrow(/"nginx" is not an IP/);
    expect(() => readConfig(['--trusted-proxy', '10.0.0.0/8'], {})).toThrow(/not an IP/);
  });
});
