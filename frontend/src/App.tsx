import { useEffect, useMemo, useState } from "react";
import { errorMessage, openExample, type Diagnostic, type Document } from "./backend/studio";
import { TopBar, type ViewMode } from "./frame/TopBar";
import { Palette } from "./frame/Palette";
import { Inspector } from "./frame/Inspector";
import { BottomPanel } from "./frame/BottomPanel";
import { badges, nodeFor } from "./frame/problems";
import { Canvas } from "./canvas/Canvas";
import { CodeView, type Reveal } from "./code/CodeView";
import { useAnalysis } from "./canvas/useAnalysis";

export default function App() {
  const [doc, setDoc] = useState<Document | null>(null);
  const [text, setText] = useState("");
  const [openError, setOpenError] = useState<string | null>(null);
  const [view, setView] = useState<ViewMode>("design");
  const [selected, setSelected] = useState<string | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const analysis = useAnalysis(doc?.name ?? "", text);
  const nodeBadges = useMemo(() => badges(analysis.diagnostics, analysis.diagram), [analysis]);

  useEffect(() => {
    openExample()
      .then((d) => {
        setDoc(d);
        setText(d.text);
      })
      .catch((err) => setOpenError(errorMessage(err)));
  }, []);

  const pickProblem = (d: Diagnostic) => {
    setSelected(nodeFor(d, analysis.diagram));
    if (view === "design") setView("split");
    setReveal({ range: d.range, at: Date.now() });
  };

  const dirty = doc !== null && text !== doc.text;

  return (
    <div className={`frame view-${view}`}>
      <TopBar name={doc?.name ?? "…"} dirty={dirty} view={view} onView={setView} />
      <Palette />
      <main className="workspace">
        {view !== "code" && (
          <Canvas
            diagram={analysis.diagram}
            stale={analysis.stale}
            error={openError ?? analysis.error}
            badges={nodeBadges}
            selected={selected}
            onSelect={setSelected}
            fitKey={view}
          />
        )}
        {view !== "design" && doc && (
          <CodeView text={text} format={doc.format} diagnostics={analysis.diagnostics} reveal={reveal} onChange={setText} />
        )}
      </main>
      <Inspector diagram={analysis.diagram} selected={selected} />
      <BottomPanel problems={analysis.diagnostics} onPick={pickProblem} />
    </div>
  );
}
