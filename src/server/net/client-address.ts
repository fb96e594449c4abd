import type { IncomingMessage } from 'node:http';
import { addressKey } from './limits';

/** The address group a request counts against, for every per-address budget. */
export type AddressOf = (req: Pick<IncomingMessage, 'socket' | 'headers'>) => string;

/**
 * Behind a load balancer every connection comes from the balancer: a request from one of the
 * trusted proxies (TRUSTED_PROXIES) counts against the address its `X-Forwarded-For` names,
 * read from the right and skipping the trusted proxies themselves, so a client cannot pick its
 * own address by sending the header (it can only add entries on the left, which are never read).
 * A request from anywhere else counts against its own peer address, whatever it sends.
 */
export function clientAddressOf(trustedProxies: readonly string[] = []): AddressOf {
  const trusted = new Set(trustedProxies.map((a) => addressKey(a)));
  return (req) => {
    const peer = addressKey(req.socket.remoteAddress);
    if (!trusted.has(peer)) return peer;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h.length > 0);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = addressKey(hops[i]);
      if (!trusted.has(hop)) return hop;
    }
    return peer;
  };
}

/** Whether a connection comes from a trusted proxy (its connections carry many clients). */
export function isTrustedPeer(trustedProxies: readonly string[] = []) {
  const trusted = new Set(trustedProxies.map((a) => addressKey(a)));
  return (remoteAddress: string | undefined): boolean => trusted.has(addressKey(remoteAddress));
}
