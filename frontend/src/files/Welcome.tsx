import "./files.css";
import type { Files } from "./fileStore";
import { folderOf, shortFolder } from "./describe";

/**
 * What the studio shows when it starts with no file: the ways to begin, in
 * plain words, one click each (a blank workflow, a template, a file, a
 * recent file, the example). It covers the workspace until one is chosen;
 * the File menu stays usable above it.
 */
export function Welcome({ files }: { files: Files }) {
  const action = (testId: string, title: string, text: string, run: () => void, primary = false) => (
    <button type="button" className={`welcome-action${primary ? " primary" : ""}`} data-testid={testId} onClick={run} autoFocus={primary}>
      <span className="welcome-action-title">{title}</span>
      <span className="welcome-action-text">{text}</span>
    </button>
  );
  return (
    <div className="welcome" data-testid="welcome" role="region" aria-label="Welcome">
      <div className="welcome-card">
        <h1>Welcome to Stepstudio</h1>
        <p className="welcome-lead">
          Draw a process as steps and arrows. Stepstudio writes it as an AWS Step Functions workflow, keeps the code beside the drawing, and runs it right
          here to show where it goes.
        </p>
        <div className="welcome-actions">
          {action("welcome-blank", "New blank workflow", "Start from an empty canvas and add your first step.", files.newBlank, true)}
          {action("welcome-template", "New from a template…", "Approval, fan-out, batch, retry: complete workflows to adapt.", () => files.setGalleryOpen(true))}
          {action("welcome-open", "Open a file…", "A workflow you have: .asl.json or .asl.yaml.", () => void files.openDialog())}
          {action("welcome-example", "Explore the example", "An order process: check, reserve, charge and confirm.", files.openExample)}
        </div>
        <h2>Recent files</h2>
        {files.recent.length === 0 ? (
          <p className="muted" data-testid="welcome-no-recent">
            None yet: files you open or save appear here.
          </p>
        ) : (
          <ul className="welcome-recent">
            {files.recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="welcome-recent-item" data-testid="welcome-recent" title={r.path} onClick={() => files.openPath(r.path)}>
                  <span className="recent-name">{r.name}</span>
                  <span className="recent-folder">{shortFolder(folderOf(r.path))}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
