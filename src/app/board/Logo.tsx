/** The game's word mark: two bars and the gap between them. */
export function Logo({ small = false }: { small?: boolean }) {
  return (
    <span className={`logo ${small ? 'small' : ''}`}>
      <svg viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <path d="M10 20h44M10 44h44" stroke="#f5b53d" strokeWidth="6" strokeLinecap="round" />
        <path d="M24 32h16" stroke="#6cb4ff" strokeWidth="8" strokeLinecap="round" />
      </svg>
      <span className={small ? 'sr-only' : 'logo-word'}>Chokepoint</span>
    </span>
  );
}
