import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { DiskStatus, Document, FileStamp, OpenedFile, RecentFile, RecoverySnapshot } from "../backend/studio";
import { DocumentStore } from "../document/store";
import { FileStore, autosaveDelayMs, diskPollMs, noticeFadeMs, type FileBackend } from "./fileStore";

// The file service over a real DocumentStore, with Go played by a fake that
// keeps files in a Map and answers dialogs from a queue.

const text = (name: string) => `{"Comment": "${name}", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`;
const stamp = (modTime: string): FileStamp => ({ modTime, size: 1, hash: modTime }) as FileStamp;

function fake() {
  const calls: { name: string; args: unknown[] }[] = [];
  const called = (name: string) => calls.filter((c) => c.name === name).map((c) => c.args);
  let closeRequested: (() => void) | null = null;
  let openRequested: ((path: string) => void) | null = null;
  const state = {
    files: new Map<string, { text: string; stamp: FileStamp; lineEnding?: string }>(),
    startup: "",
    dialogs: [] as string[],
    recovered: [] as RecoverySnapshot[],
    recent: [] as RecentFile[],
    disk: new Map<string, DiskStatus>(),
    fail: new Set<string>(),
    saves: 0,
  };
  const record =
    <T,>(name: string, answer: (...args: never[]) => T) =>
    async (...args: unknown[]): Promise<Awaited<T>> => {
      calls.push({ name, args });
      if (state.fail.has(name)) throw `${name} failed`; // Wails rejects with strings
      return await (answer as (...a: unknown[]) => T)(...args);
    };
  const opened = (path: string): OpenedFile => {
    const f = state.files.get(path);
    if (!f) throw `open ${path}: no such file`;
    return { path, name: path.slice(path.lastIndexOf("/") + 1), text: f.text, format: path.endsWith(".yaml") ? "yaml" : "json", lineEnding: f.lineEnding ?? "lf", stamp: f.stamp } as OpenedFile;
  };
  const backend: FileBackend = {
    startupFile: record("startupFile", () => (state.startup ? opened(state.startup) : ({ path: "", name: "", text: "", format: "", lineEnding: "", stamp: stamp("") } as OpenedFile))),
    openExample: record("openExample", () => ({ name: "order-process.asl.json", path: "", text: text("example"), format: "json", input: "{}" }) as Document),
    openFile: record("openFile", (path: string) => opened(path)),
    saveFile: record("saveFile", (path: string, t: string, lineEnding: string) => {
      state.files.set(path, { text: t, stamp: stamp(`saved-${++state.saves}`), lineEnding });
      return opened(path);
    }),
    chooseOpenPath: record("chooseOpenPath", () => state.dialogs.shift() ?? ""),
    chooseSavePath: record("chooseSavePath", () => state.dialogs.shift() ?? ""),
    newFromTemplate: record("newFromTemplate", (id: string) => ({ path: "", name: `${id}.asl.json`, text: text(id), format: "json", lineEnding: "lf", stamp: stamp("") }) as OpenedFile),
    recentFiles: record("recentFiles", () => state.recent),
    recoveredWork: record("recoveredWork", () => state.recovered),
    discardRecovered: record("discardRecovered", () => undefined),
    autosave: record("autosave", () => undefined),
    discardAutosave: record("discardAutosave", () => undefined),
    checkDisk: record("checkDisk", (path: string, st: FileStamp) => state.disk.get(path) ?? ({ state: "unchanged", stamp: st } as DiskStatus)),
    setDirty: record("setDirty", () => undefined),
    exportDiagram: record("exportDiagram", () => state.dialogs.shift() ?? ""),
    exportHandbook: record("exportHandbook", () => state.dialogs.shift() ?? ""),
    quitApp: record("quitApp", () => undefined),
    onCloseRequested: (fn) => {
      closeRequested = fn;
      return () => (closeRequested = null);
    },
    onOpenRequested: (fn) => {
      openRequested = fn;
      return () => (openRequested = null);
    },
  };
  return { backend, calls, called, state, requestClose: () => closeRequested?.(), requestOpen: (path: string) => openRequested?.(path) };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

async function setup(prepare: (f: ReturnType<typeof fake>) => void = () => undefined, hidden = false, start: "welcome" | "example" = "example") {
  const f = fake();
  prepare(f);
  const doc = new DocumentStore();
  const savedAs: [string, string][] = [];
  const store = new FileStore(f.backend, doc, { hidden: () => hidden, start, onSavedAs: (from, to) => savedAs.push([from, to]) });
  const stop = store.start();
  await settle();
  return { ...f, doc, store, stop, savedAs, snap: () => store.snapshot(), act: store.actions };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("starting", () => {
  test("opens the file named on the command line, and lists recent files and recovered work", async () => {
    const t = await setup((f) => {
      f.state.files.set("/w/a.asl.json", { text: text("a"), stamp: stamp("t1"), lineEnding: "crlf" });
      f.state.startup = "/w/a.asl.json";
      f.state.recent = [{ path: "/w/a.asl.json", name: "a.asl.json", opened: 1 } as RecentFile];
      f.state.recovered = [{ id: "r1", name: "b.asl.json", path: "", text: "x" } as RecoverySnapshot];
    });
    expect(t.snap().file).toMatchObject({ path: "/w/a.asl.json", name: "a.asl.json", lineEnding: "crlf", stamp: { modTime: "t1" } });
    expect(t.doc.snapshot()).toMatchObject({ text: text("a"), dirty: false });
    expect(t.snap().generation).toBe(1);
    expect(t.snap().recent).toHaveLength(1);
    expect(t.snap().recovered.map((r) => r.id)).toEqual(["r1"]);
    expect(t.called("setDirty")).toEqual([["a.asl.json", false]]);
  });

  test("shows the welcome when no file was named, and when the named one cannot be read", async () => {
    const plain = await setup(undefined, false, "welcome");
    expect(plain.snap()).toMatchObject({ file: null, welcome: true, generation: 0 });
    expect(plain.called("openExample")).toEqual([]);
    const broken = await setup((f) => f.state.fail.add("startupFile"), false, "welcome");
    expect(broken.snap()).toMatchObject({ file: null, welcome: true });
    expect(broken.snap().notice).toEqual({ kind: "error", text: "Could not open the file given on the command line: startupFile failed" });
  });

  test("a file named on the command line skips the welcome", async () => {
    const t = await setup((f) => {
      f.state.files.set("/w/a.asl.json", { text: text("a"), stamp: stamp("t1") });
      f.state.startup = "/w/a.asl.json";
    }, false, "welcome");
    expect(t.snap()).toMatchObject({ welcome: false, file: { name: "a.asl.json" } });
  });

  test("opens the example at once when asked to (the browser tests)", async () => {
    const t = await setup();
    expect(t.snap()).toMatchObject({ welcome: false, file: { path: "", name: "order-process.asl.json", lineEnding: "lf", stamp: null } });
  });

  test("the welcome's choices: blank, the example, a template, each replacing the welcome", async () => {
    const blank = await setup(undefined, false, "welcome");
    blank.act.newBlank();
    await settle();
    expect(blank.snap()).toMatchObject({ welcome: false, generation: 1, file: { path: "", name: "untitled.asl.json" }, dirty: false });
    expect(blank.doc.snapshot().text).toBe('{\n  "StartAt": "",\n  "States": {}\n}\n');

    const example = await setup(undefined, false, "welcome");
    example.act.openExample();
    await settle();
    expect(example.snap()).toMatchObject({ welcome: false, file: { name: "order-process.asl.json" } });

    const tpl = await setup(undefined, false, "welcome");
    tpl.act.setGalleryOpen(true);
    tpl.act.newFrom("approval");
    await settle();
    expect(tpl.snap()).toMatchObject({ welcome: false, galleryOpen: false, file: { name: "approval.asl.json" } });
  });

  test("a new blank workflow over unsaved work asks first", async () => {
    const t = await setup();
    t.doc.editText(text("edited"));
    t.act.newBlank();
    expect(t.snap().prompt?.reason).toBe("start a new workflow");
    await t.act.answerPrompt("discard");
    expect(t.snap().file?.name).toBe("untitled.asl.json");
  });

  test("starting twice (React's strict mode) loads the start document once", async () => {
    const t = await setup();
    t.stop();
    t.store.start();
    await settle();
    expect(t.called("startupFile")).toHaveLength(1);
    expect(t.snap().generation).toBe(1);
  });
});

describe("saving", () => {
  test("a document never saved asks where; the next save does not", async () => {
    const t = await setup();
    t.state.dialogs.push("/w/new.asl.json");
    t.doc.editText(text("edited"));
    expect(t.snap().dirty).toBe(true);
    expect(await t.act.save()).toBe(true);
    expect(t.called("chooseSavePath")).toEqual([["order-process.asl.json", "json"]]);
    expect(t.state.files.get("/w/new.asl.json")?.text).toBe(text("edited"));
    expect(t.snap()).toMatchObject({ dirty: false, file: { path: "/w/new.asl.json", name: "new.asl.json" }, notice: { kind: "info", text: "Saved /w/new.asl.json" } });
    t.doc.editText(text("again"));
    expect(await t.act.save()).toBe(true);
    expect(t.called("chooseSavePath")).toHaveLength(1);
    // Info notices fade; errors stay.
    await vi.advanceTimersByTimeAsync(noticeFadeMs);
    expect(t.snap().notice).toBeNull();
  });

  test("cancelling the save dialog saves nothing; a failed save says why and stays", async () => {
    const t = await setup();
    t.doc.editText(text("edited"));
    expect(await t.act.save()).toBe(false);
    expect(t.called("saveFile")).toHaveLength(0);
    t.state.dialogs.push("/w/x.asl.json");
    t.state.fail.add("saveFile");
    expect(await t.act.save()).toBe(false);
    expect(t.snap().notice).toEqual({ kind: "error", text: "Could not save /w/x.asl.json: saveFile failed" });
    await vi.advanceTimersByTimeAsync(noticeFadeMs);
    expect(t.snap().notice?.kind).toBe("error");
    expect(t.snap().dirty).toBe(true);
  });

  test("a file keeps its line endings when saved", async () => {
    const t = await setup((f) => {
      f.state.files.set("/w/win.asl.json", { text: text("win"), stamp: stamp("t1"), lineEnding: "crlf" });
      f.state.startup = "/w/win.asl.json";
    });
    t.doc.editText(text("edited"));
    await t.act.save();
    expect(t.called("saveFile")[0]).toEqual(["/w/win.asl.json", text("edited"), "crlf"]);
  });

  test("Save As under a .yaml name writes YAML, says so, and the document becomes the YAML file", async () => {
    const t = await setup((f) => {
      f.state.files.set("/w/orders.asl.json", { text: text("orders") + "\n", stamp: stamp("t1"), lineEnding: "lf" });
      f.state.startup = "/w/orders.asl.json";
    });
    t.doc.editText(text("edited") + "\n");
    t.state.dialogs.push("/w/orders.asl.yaml");
    expect(await t.act.saveAs()).toBe(true);
    const yaml = "Comment: edited\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n";
    expect(t.called("saveFile")).toEqual([["/w/orders.asl.yaml", yaml, "lf"]]);
    expect(t.doc.snapshot()).toMatchObject({ text: yaml, format: "yaml", dirty: false, undoLabel: undefined });
    expect(t.snap()).toMatchObject({
      file: { path: "/w/orders.asl.yaml", name: "orders.asl.yaml" },
      notice: { kind: "info", text: "Saved /w/orders.asl.yaml as YAML, converted from JSON. orders.asl.json is unchanged." },
    });
    expect(t.state.files.get("/w/orders.asl.json")?.text).toBe(text("orders") + "\n");

    // And back under a .json name: JSON again; YAML comments cannot come along, and that is said.
    t.doc.editText("# the orders flow\n" + yaml);
    t.state.dialogs.push("/w/orders2.asl.json");
    expect(await t.act.saveAs()).toBe(true);
    const json = t.state.files.get("/w/orders2.asl.json")!.text;
    expect(JSON.parse(json)).toEqual(JSON.parse(text("edited")));
    expect(t.doc.snapshot()).toMatchObject({ text: json, format: "json", dirty: false });
    expect(t.snap().notice?.text).toBe("Saved /w/orders2.asl.json as JSON, converted from YAML. Its comments are left out: JSON has none. orders.asl.yaml is unchanged.");
    // What lives beside the file (its notes) was told of each move, and of nothing else.
    expect(t.savedAs).toEqual([
      ["/w/orders.asl.json", "/w/orders.asl.yaml"],
      ["/w/orders.asl.yaml", "/w/orders2.asl.json"],
    ]);
  });

  test("Save As in the other format refuses a text that does not parse, and writes nothing", async () => {
    const t = await setup();
    t.doc.editText('{"StartAt": "A" "States": {}}');
    t.state.dialogs.push("/w/x.asl.yaml");
    expect(await t.act.saveAs()).toBe(false);
    expect(t.called("saveFile")).toHaveLength(0);
    expect(t.snap().notice).toEqual({ kind: "error", text: "Could not save as YAML: the code has a mistake on line 1; fix it first" });
    expect(t.doc.snapshot()).toMatchObject({ format: "json", dirty: true });
  });

  test("a document saved in place calls its own saver", async () => {
    const t = await setup();
    const saver = vi.fn(async (s: string) => `Saved Machine in template.yaml (${s.length} bytes)`);
    t.act.openInPlace(async () => ({ name: "Machine", text: text("m"), format: "yaml", saveInPlace: saver }));
    await settle();
    expect(t.snap().file).toMatchObject({ path: "", name: "Machine" });
    expect(t.doc.snapshot().format).toBe("yaml");
    t.doc.editText(text("m2"));
    expect(await t.act.save()).toBe(true);
    expect(saver).toHaveBeenCalledWith(text("m2"));
    expect(t.snap()).toMatchObject({ dirty: false, notice: { kind: "info", text: `Saved Machine in template.yaml (${text("m2").length} bytes)` } });
    expect(t.called("saveFile")).toHaveLength(0);
  });
});

describe("unsaved work", () => {
  test("is never replaced without asking: cancel keeps it, discard drops it, save keeps it on disk", async () => {
    const t = await setup((f) => f.state.files.set("/w/b.asl.json", { text: text("b"), stamp: stamp("t1") }));
    t.doc.editText(text("mine"));
    t.act.openPath("/w/b.asl.json");
    expect(t.snap().prompt?.reason).toBe("open another file");
    await t.act.answerPrompt("cancel");
    expect(t.snap().prompt).toBeNull();
    expect(t.doc.snapshot().text).toBe(text("mine"));

    t.act.openPath("/w/b.asl.json");
    t.state.dialogs.push(""); // the save dialog is cancelled: stay
    await t.act.answerPrompt("save");
    expect(t.snap().prompt).not.toBeNull();
    t.state.dialogs.push("/w/mine.asl.json");
    await t.act.answerPrompt("save");
    expect(t.state.files.get("/w/mine.asl.json")?.text).toBe(text("mine"));
    expect(t.snap()).toMatchObject({ prompt: null, file: { path: "/w/b.asl.json" } });

    t.doc.editText(text("more"));
    t.act.newFrom("fan-out");
    await t.act.answerPrompt("discard");
    expect(t.snap().file?.name).toBe("fan-out.asl.json");
    expect(t.doc.snapshot()).toMatchObject({ text: text("fan-out"), dirty: false });
  });

  test("closing the window over unsaved work asks first", async () => {
    const t = await setup();
    t.requestClose();
    expect(t.snap().prompt?.reason).toBe("close Stepstudio");
    await t.act.answerPrompt("discard");
    expect(t.called("quitApp")).toHaveLength(1);
  });

  test("a file handed over by a second start opens like a recent one: asking first over unsaved work", async () => {
    const t = await setup((f) => f.state.files.set("/w/b.asl.json", { text: text("b"), stamp: stamp("t1") }));
    t.requestOpen("/w/b.asl.json");
    await settle();
    expect(t.snap().file?.path).toBe("/w/b.asl.json");

    t.state.files.set("/w/c.asl.json", { text: text("c"), stamp: stamp("t2") });
    t.doc.editText(text("mine"));
    t.requestOpen("/w/c.asl.json");
    expect(t.snap().prompt?.reason).toBe("open another file");
    await t.act.answerPrompt("discard");
    expect(t.snap()).toMatchObject({ prompt: null, file: { path: "/w/c.asl.json" } });
    expect(t.doc.snapshot()).toMatchObject({ text: text("c"), dirty: false });

    t.stop();
    t.requestOpen("/w/b.asl.json");
    await settle();
    expect(t.snap().file?.path).toBe("/w/c.asl.json");
  });

  test("is autosaved a few seconds after it starts, and the copy goes once saved", async () => {
    const t = await setup();
    t.doc.editText(text("one"));
    await vi.advanceTimersByTimeAsync(autosaveDelayMs / 2);
    t.doc.editText(text("two"));
    await vi.advanceTimersByTimeAsync(autosaveDelayMs / 2);
    expect(t.called("autosave")).toEqual([[{ path: "", name: "order-process.asl.json", format: "json", lineEnding: "lf", text: text("two") }]]);
    t.state.dialogs.push("/w/two.asl.json");
    await t.act.save();
    expect(t.called("discardAutosave")).toHaveLength(1);
  });

  test("the window hears when the work becomes unsaved and saved again", async () => {
    const t = await setup();
    t.doc.editText(text("one"));
    t.doc.editText(text("two"));
    t.doc.undo();
    t.doc.undo();
    expect(t.called("setDirty")).toEqual([
      ["order-process.asl.json", false],
      ["order-process.asl.json", true],
      ["order-process.asl.json", false],
    ]);
  });
});

describe("the file on disk", () => {
  async function opened(prepare: (f: ReturnType<typeof fake>) => void = () => undefined, hidden = false) {
    return setup((f) => {
      f.state.files.set("/w/c.asl.json", { text: text("c"), stamp: stamp("t1") });
      f.state.startup = "/w/c.asl.json";
      prepare(f);
    }, hidden);
  }

  test("a change is noticed within a poll; reload takes it", async () => {
    const t = await opened();
    t.state.files.set("/w/c.asl.json", { text: text("c2"), stamp: stamp("t2") });
    t.state.disk.set("/w/c.asl.json", { state: "changed", stamp: stamp("t2") } as DiskStatus);
    await vi.advanceTimersByTimeAsync(diskPollMs);
    expect(t.snap().disk).toEqual({ state: "changed", stamp: stamp("t2") });
    await vi.advanceTimersByTimeAsync(diskPollMs);
    expect(t.called("checkDisk")).toHaveLength(1); // not asked again while the banner shows
    await t.act.reload();
    expect(t.snap()).toMatchObject({ disk: null, file: { stamp: { modTime: "t2" } } });
    expect(t.doc.snapshot().text).toBe(text("c2"));
  });

  test("keep mine takes the new stamp and makes the editor's text unsaved work", async () => {
    const t = await opened((f) => f.state.disk.set("/w/c.asl.json", { state: "changed", stamp: stamp("t2") } as DiskStatus));
    await t.store.checkDisk();
    t.act.keepMine();
    expect(t.snap()).toMatchObject({ disk: null, dirty: true, file: { stamp: { modTime: "t2" } } });
  });

  test("a deleted file is reported; a hidden window does not poll", async () => {
    const t = await opened((f) => f.state.disk.set("/w/c.asl.json", { state: "missing" } as DiskStatus));
    await t.store.checkDisk();
    expect(t.snap().disk).toEqual({ state: "missing" });
    const hidden = await opened(() => undefined, true);
    await vi.advanceTimersByTimeAsync(diskPollMs * 3);
    expect(hidden.called("checkDisk")).toHaveLength(0);
  });

  test("an answer that comes after the document was saved is dropped", async () => {
    const t = await opened();
    let answer: (s: DiskStatus) => void = () => undefined;
    (t.backend as { checkDisk: FileBackend["checkDisk"] }).checkDisk = () => new Promise((r) => (answer = r));
    const checking = t.store.checkDisk();
    t.doc.editText(text("mine"));
    await t.act.save();
    answer({ state: "changed", stamp: stamp("t1") } as DiskStatus); // our own save, seen as a change
    await checking;
    expect(t.snap().disk).toBeNull();
  });
});

describe("recovered work", () => {
  test("comes back into its file as an undoable edit", async () => {
    const rec = { id: "r1", path: "/w/d.asl.json", name: "d.asl.json", format: "json", lineEnding: "lf", text: text("recovered"), savedAt: 0 } as RecoverySnapshot;
    const t = await setup((f) => {
      f.state.files.set("/w/d.asl.json", { text: text("d"), stamp: stamp("t1") });
      f.state.recovered = [rec];
    });
    await t.act.restore(rec);
    expect(t.snap()).toMatchObject({ recovered: [], dirty: true, file: { path: "/w/d.asl.json" } });
    expect(t.doc.snapshot().undoLabel).toBe("Restore recovered work");
    expect(t.called("discardRecovered")).toEqual([["r1"]]);
    t.doc.undo();
    expect(t.doc.snapshot().text).toBe(text("d"));
  });

  test("whose file is gone comes back as a new document", async () => {
    const rec = { id: "r2", path: "/w/gone.asl.json", name: "trip.asl.json", format: "yaml", lineEnding: "crlf", text: "StartAt: A\n", savedAt: 0 } as RecoverySnapshot;
    const t = await setup((f) => (f.state.recovered = [rec]));
    await t.act.restore(rec);
    expect(t.snap().file).toEqual({ path: "", name: "trip.asl.json", lineEnding: "crlf", stamp: null });
    expect(t.doc.snapshot()).toMatchObject({ text: "StartAt: A\n", format: "yaml", dirty: true });
  });

  test("can be dropped", async () => {
    const rec = { id: "r3", path: "", name: "x.asl.json" } as RecoverySnapshot;
    const t = await setup((f) => (f.state.recovered = [rec]));
    await t.act.dropRecovered(rec);
    expect(t.snap().recovered).toEqual([]);
    expect(t.called("discardRecovered")).toEqual([["r3"]]);
  });
});

test("shortcuts: Ctrl+N opens the gallery, picking a template closes it; Ctrl+O opens the dialog", async () => {
  const t = await setup((f) => f.state.files.set("/w/e.asl.json", { text: text("e"), stamp: stamp("t1") }));
  t.store.shortcut("new");
  expect(t.snap().galleryOpen).toBe(true);
  t.act.newFrom("approval");
  expect(t.snap().galleryOpen).toBe(false);
  await settle();
  expect(t.snap().file?.name).toBe("approval.asl.json");
  t.state.dialogs.push("/w/e.asl.json");
  t.store.shortcut("open");
  await settle();
  expect(t.snap().file?.path).toBe("/w/e.asl.json");
  expect(t.called("recentFiles").length).toBeGreaterThan(1);
});

test("export says where the diagram went, or why it did not", async () => {
  const t = await setup();
  t.state.dialogs.push("/w/order.svg");
  await t.act.exportAs("svg");
  expect(t.snap().notice).toEqual({ kind: "info", text: "Diagram exported to /w/order.svg" });
  t.state.fail.add("exportDiagram");
  await t.act.exportAs("png");
  expect(t.snap().notice).toEqual({ kind: "error", text: "Could not export the diagram as PNG: exportDiagram failed" });
});

test("export handbook passes the document's path for its notes and says where it went", async () => {
  const t = await setup();
  t.state.dialogs.push("/w/order.html");
  await t.act.exportHandbook();
  expect(t.snap().notice).toEqual({ kind: "info", text: "Handbook exported to /w/order.html" });
  expect(t.called("exportHandbook")[0].slice(1, 3)).toEqual(["", "order-process.asl.json"]);
  t.state.fail.add("exportHandbook");
  await t.act.exportHandbook();
  expect(t.snap().notice).toEqual({ kind: "error", text: "Could not export the handbook: exportHandbook failed" });
});
