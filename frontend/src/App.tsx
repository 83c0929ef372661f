import { useEffect, useState } from "react";
import { errorMessage, openExample, type Document } from "./backend/studio";
import { TopBar, type ViewMode } from "./frame/TopBar";
import { Palette } from "./frame/Palette";
import { Inspector } from "./frame/Inspector";
import { BottomPanel } from "./frame/BottomPanel";
import { Canvas } from "./canvas/Canvas";
import { CodeView } from "./code/CodeView";
import { useDiagram } from "./canvas/useDiagram";

export default function App() {
  const [doc, setDoc] = useState<Document | null>(null);
  const [text, setText] = useState("");
  const [openError, setOpenError] = useState<string | null>(null);
  const [view, setView] = useState<ViewMode>("design");
  const [selected, setSelected] = useState<string | null>(null);
  const layout = useDiagram(doc?.name ?? "", text);

  useEffect(() => {
    openExample()
      .then((d) => {
        setDoc(d);
        setText(d.text);
      })
      .catch((err) => setOpenError(errorMessage(err)));
  }, []);

  const dirty = doc !== null && text !== doc.text;
  const problems = layout.error ? [layout.error] : [];

  return (
    <div className={`frame view-${view}`}>
      <TopBar name={doc?.name ?? "…"} dirty={dirty} view={view} onView={setView} />
      <Palette />
      <main className="workspace">
        {view !== "code" && (
          <Canvas
            diagram={layout.diagram}
            stale={layout.stale}
            error={openError ?? layout.error}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {view !== "design" && doc && <CodeView text={text} format={doc.format} onChange={setText} />}
      </main>
      <Inspector diagram={layout.diagram} selected={selected} />
      <BottomPanel problems={problems} />
    </div>
  );
}
