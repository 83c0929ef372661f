import { stateKind } from "../states/registry";

/** The state type's glyph, drawn in the type's colour (both from the state registry). */
export function StateIcon({ type }: { type: string }) {
  const kind = stateKind(type);
  return (
    <svg className="state-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden style={{ color: kind.colour }}>
      <path d={kind.icon} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
