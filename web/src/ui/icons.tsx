/**
 * Small inline SVG icons. Symbols from fonts (emoji, dingbats) render as empty boxes on a
 * machine without an emoji font, so the shapes that carry meaning (beside colour) are drawn.
 */
type IconName = 'check' | 'dots' | 'pencil' | 'cross' | 'stop' | 'lock' | 'mediator' | 'people' | 'globe' | 'warning' | 'circle-full' | 'circle-half' | 'circle-empty' | 'square' | 'scales';

const PATHS: Record<IconName, React.ReactNode> = {
  check: <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />,
  dots: <g fill="currentColor"><circle cx="3.5" cy="8" r="1.5" /><circle cx="8" cy="8" r="1.5" /><circle cx="12.5" cy="8" r="1.5" /></g>,
  pencil: <path d="M3 13l1-3.5L11 2.5l2.5 2.5L6.5 12z M9.5 4l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />,
  cross: <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  stop: <g><path d="M5.2 1.5h5.6l3.7 3.7v5.6l-3.7 3.7H5.2l-3.7-3.7V5.2z" fill="currentColor" /><path d="M4.5 8h7" stroke="#fff" strokeWidth="2" strokeLinecap="round" /></g>,
  lock: <g fill="none" stroke="currentColor" strokeWidth="1.6"><rect x="3" y="7" width="10" height="7" rx="1.2" fill="currentColor" /><path d="M5 7V5a3 3 0 016 0v2" /></g>,
  mediator: <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round"><path d="M2 5h10l-2.5-2.5M14 11H4l2.5 2.5" /></g>,
  people: <g fill="currentColor"><circle cx="5" cy="5" r="2.2" /><circle cx="11" cy="5" r="2.2" /><path d="M1 14c0-3 1.8-4.5 4-4.5S9 11 9 14zM7 14c0-3 1.8-4.5 4-4.5s4 1.5 4 4.5z" /></g>,
  globe: <g fill="none" stroke="currentColor" strokeWidth="1.4"><circle cx="8" cy="8" r="6.3" /><ellipse cx="8" cy="8" rx="2.8" ry="6.3" /><path d="M1.7 8h12.6" /></g>,
  warning: <g><path d="M8 1.5l7 12.5H1z" fill="currentColor" /><path d="M8 6v4M8 11.8v.4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" /></g>,
  'circle-full': <circle cx="8" cy="8" r="5.5" fill="currentColor" />,
  'circle-half': <g><circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" /><path d="M8 2.5a5.5 5.5 0 010 11z" fill="currentColor" /></g>,
  'circle-empty': <circle cx="8" cy="8" r="5.2" fill="none" stroke="currentColor" strokeWidth="1.8" />,
  square: <rect x="2.5" y="2.5" width="11" height="11" fill="currentColor" />,
  scales: <g fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round"><path d="M8 2v12M4 14h8M2.5 4h11M4 4l-2 5h4zM12 4l-2 5h4z" /></g>,
};

export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16" width="1em" height="1em" className={`icon ${className ?? ''}`}
      role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
export type { IconName };
