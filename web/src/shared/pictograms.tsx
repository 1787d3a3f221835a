/** @jsxImportSource preact */
/**
 * Pictograms beside the words, for who reads Dutch (or any script) with difficulty. Drawn here as inline SVG: no
 * icon font or emoji, which cheap phones draw differently or not at all. Decorative: the words beside them speak.
 */
const PATHS = {
  car: 'M3 13l2-6h14l2 6v5h-3M3 13v5h3M3 13h18M6 18a2 2 0 104 0 2 2 0 10-4 0M14 18a2 2 0 104 0 2 2 0 10-4 0',
  home: 'M3 11l9-8 9 8M5 9.5V21h5v-6h4v6h5V9.5',
  child: 'M12 7a2.5 2.5 0 100-5 2.5 2.5 0 100 5M7 10h10M12 10v6M12 16l-3 5M12 16l3 5',
  ill: 'M10 4a2 2 0 014 0v9.5a4 4 0 11-4 0zM12 10v7',
  childIll:
    'M8 7a2.5 2.5 0 100-5 2.5 2.5 0 100 5M4 10h8M8 10v5M8 15l-2.5 5M8 15l2.5 5M17 6a1.5 1.5 0 013 0v8a3 3 0 11-3 0z',
  other: 'M4 5h16v15H4zM4 9h16M8 3v4M16 3v4M9.5 12.5l5 5M14.5 12.5l-5 5',
  stop: 'M7 11V5.5a1.5 1.5 0 013 0V10M10 10V4.5a1.5 1.5 0 013 0V10M13 10V5.5a1.5 1.5 0 013 0V11M16 11V8.5a1.5 1.5 0 013 0V14a7 7 0 01-7 7h-1a6 6 0 01-5-2.7L3.5 14a1.6 1.6 0 012.6-1.8L7 13.5V11',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 006 6L16 13l5 2v4a2 2 0 01-2 2A17 17 0 013 5a2 2 0 012-2',
  navigate: 'M3 11l18-8-8 18-2-8z',
  check: 'M4 12.5l5 5L20 6.5',
  cross: 'M6 6l12 12M18 6L6 18',
  clock: 'M12 21a9 9 0 100-18 9 9 0 100 18M12 7v5l3 2',
  place: 'M12 21s-7-6.5-7-12a7 7 0 0114 0c0 5.5-7 12-7 12M12 11.5a2.5 2.5 0 100-5 2.5 2.5 0 100 5',
  seat: 'M7 3h6l1 9h4v4H8zM8 16l-1 5M16 16l1 5',
} as const;

export type PictogramName = keyof typeof PATHS;

export function Pictogram({ name }: { name: PictogramName }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
