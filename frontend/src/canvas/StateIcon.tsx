import { stateColour } from "../theme/colours";

/** Small glyph per state type, drawn in the type's colour. */
const paths: Record<string, string> = {
  Task: "M4 4h16v16H4z M8 9h8 M8 13h8 M8 17h5",
  Pass: "M4 12h14 M13 7l5 5-5 5",
  Choice: "M12 3l9 9-9 9-9-9z",
  Wait: "M12 3a9 9 0 1 0 0.01 0 M12 7v5l3 3",
  Succeed: "M5 12l5 5 9-10",
  Fail: "M6 6l12 12 M18 6L6 18",
  Parallel: "M7 4v16 M12 4v16 M17 4v16",
  Map: "M4 6h16 M4 12h16 M4 18h16 M2 6h0 M2 12h0 M2 18h0",
};

export function typeColor(type: string): string {
  return stateColour(type);
}

export function StateIcon({ type }: { type: string }) {
  return (
    <svg className="state-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden style={{ color: typeColor(type) }}>
      <path d={paths[type] ?? paths.Pass} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
