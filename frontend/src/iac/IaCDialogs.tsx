import "../files/files.css";
import "./iac.css";
import type { IaC } from "./useIaC";
import { MachinePicker } from "./MachinePicker";
import { ExportDialog } from "./ExportDialog";

/** The IaC dialogs and the error shown when a template cannot be read. */
export function IaCDialogs({ iac, text, fileName }: { iac: IaC; text: string; fileName: string }) {
  return (
    <>
      {iac.template && <MachinePicker template={iac.template} iac={iac} />}
      {iac.pickerError && (
        <div className="modal-backdrop">
          <div className="modal" role="alertdialog" aria-labelledby="iac-error-title" data-testid="iac-error">
            <h2 id="iac-error-title">Cannot open the template</h2>
            <p className="modal-error">{iac.pickerError}</p>
            <div className="modal-actions">
              <button className="btn primary" autoFocus onClick={iac.closePicker}>
                OK
              </button>
            </div>
          </div>
        </div>
      )}
      {iac.exporting && (
        // A template's machine is named by its id, not by "Id · template.yaml".
        <ExportDialog text={text} fileName={iac.current?.id ?? fileName} onClose={iac.closeExport} />
      )}
    </>
  );
}
