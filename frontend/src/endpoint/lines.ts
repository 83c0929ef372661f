// What the Local endpoint panel gives people to copy: plain text, no React,
// so the exact lines are tested as text.
import type { EndpointStatus } from "../backend/studio";

/** The env lines as a shell sets them ("export NAME=value", one a line). */
export function exportLines(st: Pick<EndpointStatus, "env">): string {
  return st.env.map((e) => `export ${e.name}=${e.value}`).join("\n");
}

/** A request's duration, as people read it: "0.4 ms", "12 ms", "1.2 s". */
export function duration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The port typed in the panel, or why it is not one. */
export function parsePort(text: string): { port: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: "The port is a number, e.g. 8083 (0 picks any free one)." };
  const port = Number(t);
  if (port > 65535) return { error: "The port is at most 65535." };
  return { port };
}
