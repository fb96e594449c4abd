/** The sessions' addresses: /class[/CODE] for students, /console[/ID] for the facilitator. */
export type SessionRoute = { kind: 'class'; code: string } | { kind: 'console'; sessionID: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseSessionRoute(pathname: string): SessionRoute | null {
  const [first, second = '', ...rest] = pathname.replace(/^\/+|\/+$/g, '').split('/');
  if (rest.length > 0 || (second !== '' && !ID.test(second))) return null;
  if (first === 'class') return { kind: 'class', code: second.toUpperCase() };
  if (first === 'console') return { kind: 'console', sessionID: second };
  return null;
}
