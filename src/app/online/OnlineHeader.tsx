import type { ReactNode } from 'react';
import { Logo } from '../board/Logo';
import { navigate } from './urls';

/** The band on every lobby screen: the word mark, a title, and the way back. */
export function OnlineHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="online-head">
      <a
        href="/"
        className="home-link"
        aria-label="Chokepoint — back to the start screen"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        <Logo small />
      </a>
      <h1>{title}</h1>
      {children}
    </header>
  );
}

/** An in-app link: a real <a href> (opens in a new tab too) that navigates without reloading. */
export function AppLink({
  to,
  className,
  children,
}: {
  to: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={to}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
