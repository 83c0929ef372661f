// The IaC features' state: the template machine picker, the machine being
// edited in place (for its substitutions chip) and the Export dialog. The
// document itself stays the file service's: a template machine is opened
// through files.openInPlace with a saver that writes it back in place.
import { useCallback, useEffect, useRef, useState } from "react";
import {
  chooseTemplate,
  errorMessage,
  openMachine,
  saveMachine,
  scanTemplate,
  type IaCMachine,
  type IaCOpened,
  type IaCTemplate,
  notesPath,
} from "../backend/studio";
import type { Files } from "../files/fileStore";
import { documentName, relativeTo } from "./machines";

export function useIaC(files: Files) {
  const [template, setTemplate] = useState<IaCTemplate | null>(null);
  const [pickerError, setPickerError] = useState<string | null>(null);
  const [opened, setOpened] = useState<IaCOpened | null>(null);
  const [exporting, setExporting] = useState(false);
  // The saver reads the latest opened machine (its hash moves on each save).
  const openedRef = useRef<IaCOpened | null>(null);

  const track = (o: IaCOpened) => {
    openedRef.current = o;
    setOpened(o);
  };

  /** Asks for a template and lists its state machines in the picker. */
  const openTemplate = useCallback(async () => {
    setPickerError(null);
    let path = "";
    try {
      path = await chooseTemplate();
      if (!path) return;
      setTemplate(await scanTemplate(path));
    } catch (err) {
      setTemplate(null);
      // The Go error starts with the path; say it once.
      const msg = errorMessage(err).split(`${path}: `).join("");
      setPickerError(`${path ? path.replace(/^.*[\\/]/, "") : "The template"}: ${msg}`);
    }
  }, []);

  const closePicker = useCallback(() => {
    setTemplate(null);
    setPickerError(null);
  }, []);

  /** Opens one machine of the listed template in the editor. */
  const pick = useCallback(
    (m: IaCMachine) => {
      const t = template;
      if (!t) return;
      setTemplate(null);
      files.openInPlace(async () => {
        const o = await openMachine(t.path, m.id);
        track(o);
        return {
          name: documentName(o.id, o.template),
          text: o.text,
          format: o.format,
          notesPath: await notesPath(o.template, o.id),
          machine: { template: o.template, id: o.id },
          saveInPlace: async (text: string) => {
            const cur = openedRef.current ?? o;
            const saved = await saveMachine(cur.template, cur.id, cur.hash, text);
            track(saved);
            const where = relativeTo(saved.file, saved.template);
            return `Saved ${saved.id} in ${where}; the rest of the file is unchanged.`;
          },
        };
      });
    },
    [files, template],
  );

  // The chip shows only while the editor holds the machine we opened.
  const current = files.file?.saveInPlace && opened ? opened : null;

  // A template opened as a plain file (File > Open): offer its machines.
  // The scan is kept with the path it was of, so another file shows none.
  const [scanned, setScanned] = useState<{ path: string; template: IaCTemplate } | null>(null);
  const plainPath = files.file && !files.file.saveInPlace ? files.file.path : "";
  useEffect(() => {
    if (!plainPath || !/\.(ya?ml|json|tf|template)$/i.test(plainPath)) return;
    let live = true;
    scanTemplate(plainPath)
      .then((t) => live && setScanned({ path: plainPath, template: t }))
      .catch(() => undefined); // not a template: nothing to offer
    return () => {
      live = false;
    };
  }, [plainPath]);
  const within = plainPath !== "" && scanned?.path === plainPath ? scanned.template : null;

  return {
    template,
    pickerError,
    openTemplate,
    closePicker,
    pick,
    current,
    /** The open file is itself a template: its machines can be opened. */
    within,
    showMachines: () => within && setTemplate(within),
    exporting,
    openExport: () => setExporting(true),
    closeExport: () => setExporting(false),
  };
}

export type IaC = ReturnType<typeof useIaC>;
