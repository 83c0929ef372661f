// TextDoc over JSON text. jsonc-parser's parse tree gives the offsets of
// every property and item; the edits are written here rather than with its
// modify(), whose formatter reflows the lines around an edit (a neighbour
// written on one line would be spread over several). New text is indented
// like its siblings with the file's own indent unit and line ending; arrays
// of plain values are written on one line (["States.ALL"]), as people do.
// An object written on one line gets its new key on that line too.
// A byte order mark is kept aside (jsonc-parser reads it as a stray
// symbol) and given back in front of the text.
import { applyEdits, findNodeAtLocation, modify, parse, parseTree, type Edit, type Node } from "jsonc-parser";
import type { Path } from "./pointer";
import { EditError, type TextDoc } from "./textdoc";
import { detectStyle, type Style } from "./format";

export class JsonText implements TextDoc {
  readonly format = "json" as const;
  private readonly bom: string;
  private src: string;
  private parsed: unknown;
  private readonly style: Style;

  constructor(text: string) {
    this.bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    this.src = text.slice(this.bom.length);
    this.parsed = parse(this.src);
    this.style = detectStyle(text);
  }

  get text() {
    return this.bom + this.src;
  }
  get value() {
    return this.parsed;
  }

  set(path: Path, value: unknown, after?: string | null) {
    const parent = this.find(path.slice(0, -1));
    const key = path[path.length - 1];
    const existing = parent && findNodeAtLocation(parent, [key]);
    if (existing) {
      const ind = this.lineIndent(existing.parent?.type === "property" ? existing.parent.offset : existing.offset);
      return this.splice(existing.offset, existing.length, this.render(value, ind));
    }
    if (parent?.type === "object") return this.insertProperty(parent, String(key), value, after);
    // Intermediate objects are missing: jsonc-parser creates them.
    const fo = { insertSpaces: this.style.indent !== "\t", tabSize: this.style.indent.length, eol: this.style.eol };
    this.apply(modify(this.src, path, value, { formattingOptions: fo }));
  }

  remove(path: Path) {
    const n = this.node(path);
    const entry = n.parent?.type === "property" ? n.parent : n;
    const container = entry.parent;
    const siblings = container?.children ?? [];
    const i = siblings.indexOf(entry);
    if (!container || i < 0) throw new EditError(`nothing to remove at /${path.join("/")}`);
    if (siblings.length === 1) {
      // The last entry: the container becomes {} or [].
      return this.splice(container.offset + 1, container.length - 2, "");
    }
    if (i + 1 < siblings.length) return this.splice(entry.offset, siblings[i + 1].offset - entry.offset, "");
    const prev = siblings[i - 1];
    this.splice(prev.offset + prev.length, entry.offset + entry.length - (prev.offset + prev.length), "");
  }

  renameKey(path: Path, newKey: string) {
    const prop = this.node(path).parent;
    const keyNode = prop?.children?.[0];
    if (!prop || prop.type !== "property" || !keyNode) throw new EditError(`${path.join("/")} is not an object key`);
    this.splice(keyNode.offset, keyNode.length, JSON.stringify(newKey));
  }

  push(path: Path, value: unknown) {
    const arr = this.node(path);
    if (arr.type !== "array") throw new EditError(`${path.join("/")} is not a list`);
    const items = arr.children ?? [];
    const last = items[items.length - 1];
    if (!last) {
      const ind = this.lineIndent(arr.offset);
      const eol = this.style.eol;
      return this.splice(arr.offset, arr.length, `[${eol}${ind}${this.style.indent}${this.render(value, ind + this.style.indent)}${eol}${ind}]`);
    }
    if (this.oneLine(arr)) return this.splice(last.offset + last.length, 0, ", " + JSON.stringify(value));
    const ind = this.lineIndent(items[0].offset);
    this.splice(last.offset + last.length, 0, `,${this.style.eol}${ind}${this.render(value, ind)}`);
  }

  private insertProperty(obj: Node, key: string, value: unknown, after?: string | null) {
    const props = obj.children ?? [];
    const oneLine = this.oneLine(obj);
    const eol = this.style.eol;
    if (props.length === 0) {
      if (oneLine) return this.splice(obj.offset + 1, obj.length - 2, `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
      const ind = this.lineIndent(obj.offset);
      const inner = ind + this.style.indent;
      return this.splice(obj.offset, obj.length, `{${eol}${inner}${JSON.stringify(key)}: ${this.render(value, inner)}${eol}${ind}}`);
    }
    const ind = this.lineIndent(props[0].offset);
    const entry = (sep: string) => `${JSON.stringify(key)}: ${oneLine ? JSON.stringify(value) : this.render(value, ind)}${sep}`;
    const gap = oneLine ? " " : eol + ind;
    if (after === null) return this.splice(props[0].offset, 0, entry("," + gap));
    const i = after === undefined ? -1 : props.findIndex((p) => p.children?.[0]?.value === after);
    const anchor = props[i < 0 ? props.length - 1 : i];
    this.splice(anchor.offset + anchor.length, 0, "," + gap + entry(""));
  }

  /** value as JSON text whose continuation lines start at indent ind. */
  private render(value: unknown, ind: string): string {
    const unit = this.style.indent;
    const eol = this.style.eol;
    if (Array.isArray(value)) {
      if (value.length === 0) return "[]";
      if (value.every((v) => v === null || typeof v !== "object")) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
      return `[${eol}${value.map((v) => ind + unit + this.render(v, ind + unit)).join("," + eol)}${eol}${ind}]`;
    }
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      if (entries.length === 0) return "{}";
      return `{${eol}${entries.map(([k, v]) => `${ind}${unit}${JSON.stringify(k)}: ${this.render(v, ind + unit)}`).join("," + eol)}${eol}${ind}}`;
    }
    return JSON.stringify(value);
  }

  /** The whitespace that starts the line holding offset. */
  private lineIndent(offset: number): string {
    const start = this.src.lastIndexOf("\n", offset - 1) + 1;
    return /^[ \t]*/.exec(this.src.slice(start, offset))![0];
  }

  private node(path: Path): Node {
    const n = this.find(path);
    if (!n) throw new EditError(`nothing at /${path.join("/")}`);
    return n;
  }

  private find(path: Path): Node | undefined {
    const root = parseTree(this.src);
    return root && (path.length === 0 ? root : findNodeAtLocation(root, path));
  }

  private oneLine(n: Node) {
    return !/[\r\n]/.test(this.src.slice(n.offset, n.offset + n.length));
  }

  private splice(offset: number, length: number, content: string) {
    this.apply([{ offset, length, content }]);
  }

  private apply(edits: Edit[]) {
    this.src = applyEdits(this.src, edits);
    this.parsed = parse(this.src);
  }
}
