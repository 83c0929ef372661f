// The only module that talks to the Go backend (wailsjs). Everything else
// imports these typed wrappers, so tests and the UI never touch window.go.
import { Analyze, OpenExample } from "../../wailsjs/go/app/Studio";
import type { app, diagram, schema } from "../../wailsjs/go/models";

export type Document = app.Document;
export type Analysis = app.Analysis;
export type Diagram = diagram.Diagram;
export type DiagramNode = diagram.Node;
export type DiagramEdge = diagram.Edge;
export type Diagnostic = schema.Diagnostic;

export function openExample(): Promise<Document> {
  return OpenExample();
}

/** Validates and lays out text in one pass; never rejects for bad text. */
export function analyze(name: string, text: string): Promise<Analysis> {
  return Analyze(name, text);
}

/** Wails rejects with a plain string; normalise to a message. */
export function errorMessage(err: unknown): string {
  if (typeof err === "string") return err;
  if (err instanceof Error) return err.message;
  return String(err);
}
