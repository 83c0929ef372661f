import { useState } from "react";
import "./files.css";
import type { Files } from "./fileStore";
import type { RecoverySnapshot } from "../backend/studio";
import { diskMessage, recoveryMessage } from "./describe";
import { TemplateGallery } from "./TemplateGallery";
import { UnsavedPrompt } from "./UnsavedPrompt";

/**
 * What the file service has to say, where the user looks: banners under the
 * top bar (recovered work, a change on disk, save and export results) and
 * the dialogs (template gallery, unsaved changes).
 */
export function FileBanners({ files }: { files: Files }) {
  const rec = files.recovered[0];
  const name = files.file?.name ?? "this workflow";
  return (
    <>
      <div className="file-banners">
        {rec && <RecoveryBanner key={rec.id} rec={rec} files={files} />}
        {files.disk && (
          <div className="banner warning" role="alert" data-testid="disk-banner">
            <span>{diskMessage(files.disk.state, name, files.dirty)}</span>
            {files.disk.state === "changed" && (
              <button className="btn primary" data-testid="disk-reload" onClick={() => void files.reload()}>
                Reload
              </button>
            )}
            <button className="btn" data-testid="disk-keep" onClick={files.keepMine}>
              Keep mine
            </button>
          </div>
        )}
        {files.notice && (
          <div
            className={`banner ${files.notice.kind}`}
            role={files.notice.kind === "error" ? "alert" : "status"}
            data-testid={`notice-${files.notice.kind}`}
          >
            <span>{files.notice.text}</span>
            <button className="btn icon" aria-label="Dismiss" onClick={files.dismissNotice}>
              ×
            </button>
          </div>
        )}
      </div>
      {files.galleryOpen && <TemplateGallery onPick={files.newFrom} onBlank={files.newBlank} onClose={() => files.setGalleryOpen(false)} />}
      {files.prompt && <UnsavedPrompt name={name} reason={files.prompt.reason} onAnswer={(c) => void files.answerPrompt(c)} />}
    </>
  );
}

/** The offer of work a crashed session left; its age is told as of when it appeared. */
function RecoveryBanner({ rec, files }: { rec: RecoverySnapshot; files: Files }) {
  const [now] = useState(Date.now);
  return (
    <div className="banner warning" role="alert" data-testid="recovery-banner">
      <span>{recoveryMessage(rec, now)}</span>
      <button className="btn primary" data-testid="recovery-restore" onClick={() => void files.restore(rec)}>
        Restore
      </button>
      <button className="btn" data-testid="recovery-discard" onClick={() => void files.dropRecovered(rec)}>
        Discard
      </button>
    </div>
  );
}
