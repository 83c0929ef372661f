// What the code view shows of the document's text, and how an edit made
// there goes back into the text without touching anything else.
//
// CodeMirror joins lines with "\n" whatever the file uses, so handing it a
// CRLF text and reading its text back changed every line ending (and with
// it, made the file dirty by merely looking at it). The view is given the
// text with each "\r\n" shown as "\n" and the byte order mark left out;
// an edit in the view arrives as changes at view offsets, which are mapped
// back onto the document's text: only the changed span is replaced, new
// line breaks are written in the file's own line ending, and the BOM and
// every untouched line ending stay as they were. A lone "\r" (a file with
// mixed endings) is kept as a character of its line, so it survives too.

const bomChar = "\uFEFF";

export interface ViewText {
  /** The document's text this view was made from. */
  readonly text: string;
  /** What the editor shows. */
  readonly view: string;
  /** The byte order mark kept out of view ("" when the text has none). */
  readonly bom: string;
  /** The view offsets of the "\n"s that are "\r\n" in the text, ascending. */
  readonly crlf: readonly number[];
  /** How a line break typed or pasted in the view is written in the text. */
  readonly eol: "\n" | "\r\n";
}

/** One replacement in view offsets (fromA..toA of the view before the edit). */
export interface ViewChange {
  from: number;
  to: number;
  insert: string;
}

/** The view of text. */
export function toView(text: string): ViewText {
  const bom = text.startsWith(bomChar) ? bomChar : "";
  const body = text.slice(bom.length);
  const crlf: number[] = [];
  let lf = 0;
  let view = "";
  let last = 0;
  for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) {
    if (i > 0 && body[i - 1] === "\r") {
      view += body.slice(last, i - 1);
      crlf.push(view.length);
      last = i;
    } else lf++;
  }
  view += body.slice(last);
  // New line breaks follow the file: CRLF when most of its lines end so.
  const eol = crlf.length > lf ? "\r\n" : "\n";
  return { text, view, bom, crlf, eol };
}

/** The offset in the text of view offset off. */
export function textOffset(v: ViewText, off: number): number {
  return v.bom.length + off + countBelow(v.crlf, off);
}

/**
 * The text after changes made in the view (each in view offsets of the view
 * before any of them, as CodeMirror's iterChanges gives them).
 */
export function applyViewChanges(v: ViewText, changes: readonly ViewChange[]): string {
  let out = v.text;
  // From the end, so earlier offsets stay valid.
  for (const c of [...changes].sort((a, b) => b.from - a.from)) {
    const from = textOffset(v, c.from);
    const to = textOffset(v, c.to);
    out = out.slice(0, from) + inText(c.insert, v.eol) + out.slice(to);
  }
  return out;
}

/** Inserted view text as text: its line breaks in the file's ending. */
function inText(s: string, eol: string): string {
  const lf = s.replace(/\r\n?/g, "\n");
  return eol === "\n" ? lf : lf.replace(/\n/g, eol);
}

/** How many of the ascending xs are below x. */
function countBelow(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The offset in a view line of a column Go reports (1-based, counting code
 * points; Go gives a byte order mark no column, and the view has none).
 */
export function viewColumn(column: number, lineText: string): number {
  let cps = Math.max(column - 1, 0);
  // Code points to UTF-16 units (CodeMirror counts units).
  let units = 0;
  for (const ch of lineText) {
    if (cps-- <= 0) break;
    units += ch.length;
  }
  return Math.min(units, lineText.length);
}
