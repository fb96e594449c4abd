import { isIP } from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** The hostname of a Host header (no port, no brackets, lower case), or null if malformed. */
export function hostnameOf(host: string | undefined): string | null {
  if (!host || host.length > 255) return null;
  try {
    const name = new URL(`http://${host}`).hostname.toLowerCase();
    return name.startsWith('[') ? name.slice(1, -1) : name;
  } catch {
    return null;
  }
}

export const isLoopbackHost = (host: string): boolean =>
  LOOPBACK_NAMES.has(host) || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Which Host headers this server answers (DNS rebinding: a page on a hostile name that
 * resolves to this server sends its own name as Host). Allowed: the configured public hosts
 * (from PUBLIC_URL, ALLOWED_HOSTS and the allowed origins); loopback names when the server
 * listens on loopback; and, when no public host is configured, any IP literal (a rebinding
 * page cannot send an IP as its Host, as an IP is never its own name).
 */
export function hostPolicy(opts: {
  listenHost: string;
  publicUrl?: string | undefined;
  allowedHosts?: string[];
  allowedOrigins?: string[];
}): (host: string | undefined) => boolean {
  const named = new Set<string>();
  for (const h of opts.allowedHosts ?? []) {
    const n = hostnameOf(h);
    if (n) named.add(n);
  }
  for (const url of [opts.publicUrl, ...(opts.allowedOrigins ?? [])]) {
    if (!url) continue;
    try {
      named.add(hostnameOf(new URL(url).host) ?? '');
    } catch {
      /* not a URL: ignored */
    }
  }
  named.delete('');
  const listen = hostnameOf(
    opts.listenHost.includes(':') ? `[${opts.listenHost}]` : opts.listenHost,
  );
  const onLoopback = listen !== null && isLoopbackHost(listen);
  const anyIp = named.size === 0;
  return (host) => {
    const name = hostnameOf(host);
    if (name === null) return false;
    if (named.has(name)) return true;
    if (onLoopback && isLoopbackHost(name)) return true;
    return anyIp && isIP(name) !== 0;
  };
}

/** Headers every response carries (pages, files, API). */
export function securityHeaders(opts: {
  connectSrc?: string[];
  https?: boolean;
}): Record<string, string> {
  const connect = ["'self'", ...(opts.connectSrc ?? [])].join(' ');
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()',
    'Content-Security-Policy': `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src ${connect}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}
