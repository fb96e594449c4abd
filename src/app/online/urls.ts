import { useEffect, useState } from 'react';

/** The online screens' addresses; /join/CODE and /watch/ID are the links people share. */
export type Route =
  | { kind: 'home' }
  | { kind: 'create' }
  | { kind: 'join'; code: string }
  | { kind: 'host'; matchID: string }
  | { kind: 'play'; matchID: string }
  | { kind: 'watch'; matchID: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The route for a path, or null when the path is not an online screen. */
export function parseRoute(pathname: string): Route | null {
  const [first, second = '', ...rest] = pathname.replace(/^\/+|\/+$/g, '').split('/');
  if (rest.length > 0) return null;
  const id = ID.test(second) ? second : null;
  if (first === 'online')
    return second === 'new' ? { kind: 'create' } : second === '' ? { kind: 'home' } : null;
  if (first === 'join')
    return second === ''
      ? { kind: 'join', code: '' }
      : id
        ? { kind: 'join', code: id.toUpperCase() }
        : null;
  if (first === 'host' && id) return { kind: 'host', matchID: id };
  if (first === 'play' && id) return { kind: 'play', matchID: id };
  if (first === 'watch' && id) return { kind: 'watch', matchID: id };
  return null;
}

export function pathOf(r: Route): string {
  switch (r.kind) {
    case 'home':
      return '/online';
    case 'create':
      return '/online/new';
    case 'join':
      return r.code ? `/join/${encodeURIComponent(r.code)}` : '/join';
    default:
      return `/${r.kind}/${encodeURIComponent(r.matchID)}`;
  }
}

const EVENT = 'chokepoint:navigate';

/** Goes to an address inside the app without reloading; '/' is the start screen. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

/** The current path, following navigate() and the browser's back and forward buttons. */
export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return path;
}
