import { useCallback, useMemo, useState } from "react";
import type { Diagnostic } from "./backend/studio";
import { TopBar, type ViewMode } from "./frame/TopBar";
import { Palette } from "./frame/Palette";
import { Inspector } from "./frame/Inspector";
import { BottomPanel } from "./frame/BottomPanel";
import { badges, nodeFor } from "./frame/problems";
import { Canvas } from "./canvas/Canvas";
import { CodeView, type Reveal } from "./code/CodeView";
import { useAnalysis } from "./canvas/useAnalysis";
import { useDocument } from "./canvas/useDocument";
import { useEditor } from "./canvas/useEditor";
import { useFiles } from "./files/useFiles";
import { FileMenu } from "./files/FileMenu";
import { FileBanners } from "./files/FileBanners";

export default function App() {
  // The document store owns the text and its one undo history.
  const { store, snap } = useDocument();
  // The file service loads the start document (a file given on the
  // command line, else the example) and owns the file it came from.
  const files = useFiles(store);
  const doc = files.file;
  const text = snap.text;
  const [view, setView] = useState<ViewMode>("design");
  const [selection, setSelection] = useState<string[]>([]);
  const selected = selection[0] ?? null;
  const setSelected = useCallback((id: string | null) => setSelection(id ? [id] : []), []);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const analysis = useAnalysis(doc?.name ?? "", text, snap.origin === "typing" ? undefined : 0);
  const nodeBadges = useMemo(() => badges(analysis.diagnostics, analysis.diagram), [analysis]);
  const editor = useEditor(store, analysis.diagram, setSelection);

  const pickProblem = (d: Diagnostic) => {
    setSelected(nodeFor(d, analysis.diagram));
    if (view === "design") setView("split");
    setReveal({ range: d.range, at: Date.now() });
  };

  const dirty = doc !== null && snap.dirty;

  return (
    <div className={`frame view-${view}`}>
      <TopBar
        name={doc?.name ?? "…"}
        path={doc?.path}
        dirty={dirty}
        view={view}
        onView={setView}
        menu={<FileMenu files={files} />}
      />
      <Palette onAdd={(id) => editor.insertAfter(id, selected)} />
      <main className="workspace">
        {view !== "code" && (
          <Canvas
            diagram={analysis.diagram}
            stale={analysis.stale}
            error={analysis.error}
            badges={nodeBadges}
            selection={selection}
            onSelection={setSelection}
            editor={editor}
            fitKey={view}
          />
        )}
        {view !== "design" && doc && (
          <CodeView
            text={text}
            format={snap.format}
            diagnostics={analysis.diagnostics}
            reveal={reveal}
            onChange={(t) => store.editText(t)}
            onUndo={editor.undo}
            onRedo={editor.redo}
          />
        )}
      </main>
      <Inspector diagram={analysis.diagram} selected={selected} />
      <BottomPanel problems={analysis.diagnostics} onPick={pickProblem} />
      <FileBanners files={files} />
    </div>
  );
}
