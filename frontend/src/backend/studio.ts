// The only module that talks to the Go backend (wailsjs). Everything else
// imports these typed wrappers, so tests and the UI never touch window.go.
import { Diagram as diagramOf, OpenExample } from "../../wailsjs/go/app/Studio";
import type { app, diagram } from "../../wailsjs/go/models";

export type Document = app.Document;
export type Diagram = diagram.Diagram;
export type DiagramNode = diagram.Node;
export type DiagramEdge = diagram.Edge;

export function openExample(): Promise<Document> {
  return OpenExample();
}

/** Lays out the definition in text; rejects with a located message. */
export function layoutDiagram(name: string, text: string): Promise<Diagram> {
  return diagramOf(name, text);
}

/** Wails rejects with a plain string; normalise to a message. */
export function errorMessage(err: unknown): string {
  if (typeof err === "string") return err;
  if (err instanceof Error) return err.message;
  return String(err);
}
