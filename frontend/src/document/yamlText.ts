// TextDoc over YAML text. The yaml package's Document API would re-print
// the whole file on toString(), losing the author's quoting, spacing and
// line widths; so edits are made on the text instead, at the source
// ranges the parsed Document gives for each node (the same ranges its CST
// carries). Scalars are replaced in place keeping their quote style; new
// keys are written as block lines at the indentation of their siblings;
// removed keys take exactly their own lines. Comments and untouched lines
// stay byte for byte. Flow-style collections ({a: 1}, [x]) being edited
// are rare in ASL; those, and the other cases noted below, fall back to
// the Document API for the collection concerned; the text it prints gets
// the file's line ending. A byte order mark is kept aside and given back in
// front of the text.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YNode, type Pair, type Scalar } from "yaml";
import type { Path } from "./pointer";
import { EditError, type TextDoc } from "./textdoc";
import { detectStyle, type Style } from "./format";


export class YamlText implements TextDoc {
  readonly format = "yaml" as const;
  private readonly bom: string;
  private src: string;
  private doc!: Document;
  private parsed: unknown;
  private readonly style: Style;

  constructor(text: string) {
    this.bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    this.src = text.slice(this.bom.length);
    this.style = detectStyle(text);
    if (this.style.indent === "\t") this.style.indent = "  "; // YAML indents with spaces only
    this.reparse();
  }

  get text() {
    return this.bom + this.src;
  }
  get value() {
    return this.parsed;
  }

  set(path: Path, value: unknown, after?: string | null) {
    const parent = this.lookup(path.slice(0, -1));
    const key = path[path.length - 1];
    if (isMap(parent) && !parent.flow && parent.items.length > 0) {
      const pair = this.pair(parent, key);
      if (pair) {
        const v = pair.value as YNode | null;
        if (isScalar(v) && v.range && isPlain(value)) return this.splice(v.range[0], v.range[1], scalarText(value, v));
        if (this.atLineStart(pair)) {
          const [from, to] = this.pairSpan(pair);
          return this.splice(from, to, this.pairText(this.column(keyRange(pair)[0]), String(key), value));
        }
      } else {
        const first = parent.items[0] as Pair;
        const col = this.column(keyRange(first)[0]);
        if (after === null && this.atLineStart(first)) return this.insert(this.lineStart(keyRange(first)[0]), this.pairText(col, String(key), value));
        const anchor = (typeof after === "string" && this.pair(parent, after)) || parent.items[parent.items.length - 1];
        const at = this.lineEnd(pairEnd(anchor as Pair));
        return this.insert(at, this.pairText(col, String(key), value));
      }
    }
    if (isMap(parent) && parent.flow && parent.items.length > 0 && !this.pair(parent, key)) {
      // {Type: Pass, End: true} + Next -> {Type: Pass, End: true, Next: B}
      const anchor = (typeof after === "string" && this.pair(parent, after)) || parent.items[parent.items.length - 1];
      const at = valueEnd(anchor);
      return this.splice(at, at, `, ${scalarText(String(key))}: ${isPlain(value) ? scalarText(value) : JSON.stringify(value)}`);
    }
    if (isMap(parent) && parent.flow) {
      const pair = this.pair(parent, key);
      const v = pair?.value as YNode | null | undefined;
      if (isScalar(v) && v.range && isPlain(value)) return this.splice(v.range[0], v.range[1], scalarText(value, v));
    }
    if (isSeq(parent) && !parent.flow && typeof key === "number" && parent.items[key]) {
      const item = parent.items[key] as YNode;
      if (isScalar(item) && item.range && isPlain(value)) return this.splice(item.range[0], item.range[1], scalarText(value, item));
    }
    this.fallback((d) => d.setIn(path, d.createNode(value)));
  }

  remove(path: Path) {
    const parent = this.lookup(path.slice(0, -1));
    const key = path[path.length - 1];
    if (isMap(parent) && !parent.flow && parent.items.length > 1) {
      const i = parent.items.findIndex((p) => keyOf(p) === String(key));
      if (i < 0) throw new EditError(`nothing at /${path.join("/")}`);
      const pair = parent.items[i];
      if (this.atLineStart(pair)) return this.splice(...this.pairSpan(pair), "");
      // "- ErrorEquals: [...]\n  Next: X": the first key of a map in a list
      // shares its line with the dash; the next key moves up beside it.
      const next = parent.items[i + 1];
      if (next) return this.splice(keyRange(pair)[0], keyRange(next)[0], "");
    }
    if (isMap(parent) && parent.flow && parent.items.length > 1) {
      const i = parent.items.findIndex((p) => keyOf(p) === String(key));
      if (i < 0) throw new EditError(`nothing at /${path.join("/")}`);
      const pair = parent.items[i];
      if (i > 0) return this.splice(valueEnd(parent.items[i - 1]), valueEnd(pair), "");
      return this.splice(keyRange(pair)[0], keyRange(parent.items[1])[0], "");
    }
    if (isSeq(parent) && !parent.flow && parent.items.length > 1 && typeof key === "number") {
      const item = parent.items[key] as YNode | undefined;
      if (!item?.range) throw new EditError(`nothing at /${path.join("/")}`);
      return this.splice(this.lineStart(item.range[0]), this.lineEnd(item.range[2]), "");
    }
    if (this.lookup(path) === undefined) throw new EditError(`nothing at /${path.join("/")}`);
    // The last entry of a block collection: the collection becomes empty.
    const only = (isMap(parent) || isSeq(parent)) && !parent.flow && parent.items.length === 1;
    if (only && path.length > 1) return this.set(path.slice(0, -1), isMap(parent) ? {} : []);
    this.fallback((d) => d.deleteIn(path));
  }

  renameKey(path: Path, newKey: string) {
    const parent = this.lookup(path.slice(0, -1));
    const pair = isMap(parent) ? this.pair(parent, path[path.length - 1]) : undefined;
    const k = pair?.key as YNode | undefined;
    if (!isScalar(k) || !k.range) throw new EditError(`/${path.join("/")} is not an object key`);
    this.splice(k.range[0], k.range[1], scalarText(newKey, k));
  }

  push(path: Path, value: unknown) {
    const seq = this.lookup(path);
    if (!isSeq(seq)) throw new EditError(`/${path.join("/")} is not a list`);
    const first = seq.items[0] as YNode | undefined;
    const last = seq.items[seq.items.length - 1] as YNode | undefined;
    if (seq.flow || !first?.range || !last?.range) return this.fallback((d) => d.addIn(path, d.createNode(value)));
    const lineStart = this.lineStart(first.range[0]);
    const dash = this.src.indexOf("-", lineStart) - lineStart;
    const body = this.block(value).split("\n");
    const pad = " ".repeat(dash);
    const text = [pad + "- " + body[0], ...body.slice(1).map((l) => (l ? pad + "  " + l : l))].join(this.style.eol) + this.style.eol;
    this.insert(this.lineEnd(last.range[2]), text);
  }

  // --- reading the parsed document

  private reparse() {
    this.doc = parseDocument(this.src);
    this.parsed = this.doc.toJS({ maxAliasCount: -1 });
  }

  private lookup(path: Path): unknown {
    let cur: unknown = this.doc.contents;
    for (const seg of path) {
      if (isMap(cur)) cur = this.pair(cur, seg)?.value;
      else if (isSeq(cur)) cur = cur.items[Number(seg)];
      else return undefined;
    }
    return cur;
  }

  private pair(map: { items: Pair[] }, key: string | number): Pair | undefined {
    return map.items.find((p) => keyOf(p) === String(key));
  }

  // --- positions

  private lineStart(off: number) {
    return this.src.lastIndexOf("\n", off - 1) + 1;
  }
  /** The offset just after the line holding off (or off when it already is a line start). */
  private lineEnd(off: number) {
    if (off > 0 && this.src[off - 1] === "\n") return off;
    const nl = this.src.indexOf("\n", off);
    return nl < 0 ? this.src.length : nl + 1;
  }
  private column(off: number) {
    return off - this.lineStart(off);
  }
  private atLineStart(pair: Pair) {
    const k = keyRange(pair)[0];
    return this.src.slice(this.lineStart(k), k).trim() === "";
  }
  /** From the start of the key's line to the end of the value's last line. */
  private pairSpan(pair: Pair): [number, number] {
    return [this.lineStart(keyRange(pair)[0]), this.lineEnd(pairEnd(pair))];
  }

  // --- writing

  private pairText(col: number, key: string, value: unknown): string {
    const pad = " ".repeat(col);
    const k = scalarText(key);
    if (isPlain(value) || isEmpty(value)) return `${pad}${k}: ${isPlain(value) ? scalarText(value) : JSON.stringify(value)}${this.style.eol}`;
    const unit = this.style.indent;
    const lines = this.block(value).split("\n").map((l) => (l ? pad + unit + l : l));
    return `${pad}${k}:${this.style.eol}${lines.join(this.style.eol)}${this.style.eol}`;
  }

  /** A collection as block YAML without the trailing newline. */
  private block(value: unknown): string {
    if (isPlain(value)) return scalarText(value);
    return stringify(value, { indent: this.style.indent.length, lineWidth: 0 }).replace(/\n$/, "");
  }

  private insert(at: number, text: string) {
    // A file without a final newline: the new line needs one before it.
    if (at === this.src.length && at > 0 && !this.src.endsWith("\n")) text = this.style.eol + text.replace(/\r?\n$/, "");
    this.splice(at, at, text);
  }

  private splice(from: number, to: number, text: string) {
    this.src = this.src.slice(0, from) + text + this.src.slice(to);
    this.reparse();
  }

  private fallback(edit: (d: Document) => void) {
    edit(this.doc);
    const printed = this.doc.toString({ indent: this.style.indent.length, lineWidth: 0 });
    this.src = this.style.eol === "\n" ? printed : printed.replace(/\n/g, this.style.eol);
    this.reparse();
  }
}

function keyOf(p: unknown): string | undefined {
  const k = (p as Pair).key;
  return isScalar(k) ? String(k.value) : undefined;
}

function keyRange(p: Pair): [number, number, number] {
  const k = p.key as YNode;
  if (!k?.range) throw new EditError("a key without a position");
  return k.range;
}

function pairEnd(p: Pair): number {
  const v = p.value as YNode | null;
  return v?.range ? v.range[2] : keyRange(p)[2];
}

/** Where a pair's value text ends (before any comment). */
function valueEnd(p: Pair): number {
  const v = p.value as YNode | null;
  return v?.range ? v.range[1] : keyRange(p)[1];
}

function isPlain(v: unknown): boolean {
  return v === null || typeof v !== "object";
}

function isEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length === 0 : typeof v === "object" && v !== null && Object.keys(v).length === 0;
}

/** A scalar written like the one it replaces (same quotes), or plainly when safe. */
function scalarText(v: unknown, like?: Scalar): string {
  if (typeof v === "string") {
    if (like?.type === "QUOTE_DOUBLE") return JSON.stringify(v);
    if (like?.type === "QUOTE_SINGLE") return `'${v.replace(/'/g, "''")}'`;
  }
  const s = stringify(v, { lineWidth: 0 }).replace(/\n$/, "");
  return s.includes("\n") ? JSON.stringify(v) : s;
}
