import { useEffect, useEffectEvent, useRef, useState } from "react";
import { EditorView, basicSetup } from "codemirror";
import { EditorState, type Extension } from "@codemirror/state";
import { json } from "@codemirror/lang-json";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { linter, type Diagnostic } from "@codemirror/lint";
import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { MockProblem } from "../backend/studio";
import { completeMocks, type MockContext } from "./mockAssist";

interface Props {
  text: string;
  onChange: (text: string) => void;
  /** Located problems of a text, against the workflow (from Go). */
  check: (text: string) => Promise<MockProblem[]>;
  context: MockContext;
}

/**
 * The mock file in a code editor: line numbers, JSON checked as you type,
 * then the file checked against the workflow (unknown states, mocks of
 * states that are no Task, call numbers with gaps), located; state names,
 * mocked responses and call numbers completed.
 */
export function MockCode({ text, onChange, check, context }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useEffectEvent((t: string) => onChange(t));
  const checkNow = useEffectEvent((t: string) => check(t));
  const ctx = useEffectEvent(() => context);
  const initial = useEffectEvent(() => text);
  // The problems found, listed under the editor in words with their line.
  const [found, setFound] = useState<{ line: number; message: string; from: number }[]>([]);
  const report = useEffectEvent((v: EditorView, ds: Diagnostic[]) =>
    setFound(ds.map((d) => ({ line: v.state.doc.lineAt(d.from).number, message: d.message, from: d.from }))),
  );

  useEffect(() => {
    // One function for the editor's life: CodeMirror tells sources apart by identity.
    const complete = (c: CompletionContext) => source(c, ctx());
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial(),
        extensions: [
          basicSetup,
          json(),
          problems(
            (t) => checkNow(t),
            (v, ds) => report(v, ds),
          ),
          EditorState.languageData.of(() => [{ autocomplete: complete }]),
          EditorView.updateListener.of((u) => u.docChanged && changed(u.state.doc.toString())),
          EditorView.contentAttributes.of({ "aria-label": "Mock file (AWS MockConfigFile JSON)", "data-testid": "mock-code" }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
  }, []);

  // The file can change elsewhere (the per-task mock form, another workflow).
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== text) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
  }, [text]);

  const jump = (from: number) => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    v.focus();
  };
  return (
    <>
      <div className="mock-code" ref={host} />
      {found.length > 0 && (
        <ul className="mock-problems" data-testid="mock-problems" aria-label="Problems in the mock file">
          {found.map((p, i) => (
            <li key={i}>
              <button className="link" onClick={() => jump(p.from)}>
                Line {p.line}
              </button>{" "}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What a JSON syntax error code means, in plain words. */
const syntaxWords: Record<string, string> = {
  InvalidSymbol: "this is not JSON here",
  InvalidNumberFormat: "this number is not written as JSON writes numbers",
  PropertyNameExpected: "a name in double quotes is missing here",
  ValueExpected: "a value is missing here",
  ColonExpected: "a colon (:) is missing after the name",
  CommaExpected: "a comma is missing before this",
  CloseBraceExpected: "a closing } is missing",
  CloseBracketExpected: "a closing ] is missing",
  EndOfFileExpected: "there is more after the end of the JSON",
  UnexpectedEndOfString: "a string is not closed with a double quote",
};

/** JSON syntax errors with their exact place (the first one matters: the rest follow from it). */
function syntaxErrors(text: string): Diagnostic[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.slice(0, 1).map((e) => {
    const code = printParseErrorCode(e.error);
    const from = Math.min(e.offset, text.length);
    return { from, to: Math.min(text.length, from + Math.max(e.length, 1)), severity: "error", message: `Not valid JSON: ${syntaxWords[code] ?? code}.` };
  });
}

/** JSON syntax first; once the text parses, the problems Go finds, at their line and column. */
function problems(check: (text: string) => Promise<MockProblem[]>, report: (v: EditorView, ds: Diagnostic[]) => void): Extension {
  const find = async (v: EditorView): Promise<Diagnostic[]> => {
    const text = v.state.doc.toString();
    if (!text.trim()) return [];
    const bad = syntaxErrors(text);
    if (bad.length) return bad;
    const doc = v.state.doc;
    return (await check(text)).map((p): Diagnostic => {
      const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
      const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to);
      return { from, to: Math.max(from, line.to), severity: "error", message: p.message };
    });
  };
  return linter(
    async (v) => {
      const ds = await find(v);
      report(v, ds);
      return ds;
    },
    { delay: 300 },
  );
}

function source(c: CompletionContext, ctx: MockContext): CompletionResult | null {
  const r = completeMocks(c.state.doc.toString(), c.pos, ctx);
  if (!r || (!c.explicit && r.from === r.to && !r.quoted)) return null;
  return { from: r.from, to: r.to, options: r.options.map((o) => ({ label: o.label, detail: o.detail, type: "property" })) };
}
