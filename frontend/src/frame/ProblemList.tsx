import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { Diagnostic } from "../backend/studio";
import { groupHeadline, headline } from "./advice";
import { problemRows, problemText, where } from "./problems";

interface Props {
  problems: Diagnostic[];
  onPick: (d: Diagnostic) => void;
  /** Open the details (message, code, pointer, line) of every problem. */
  allDetails: boolean;
}

/** What identifies a problem across analyses while the text changes around it. */
const keyOf = (d: Diagnostic) => `${d.code}\u0000${d.location}\u0000${d.message}`;

/**
 * The problems, as advice: a plain line and where ("Charge card › Retry"),
 * warnings repeating one code grouped under one line, and for developers
 * the validator's message, code, JSON pointer and line:column behind a
 * details toggle. A click (or Enter) on a problem lands on it; arrow keys
 * move between lines, Right and Left open and close a group.
 */
export function ProblemList({ problems, onPick, allDetails }: Props) {
  const rows = useMemo(() => problemRows(problems), [problems]);
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(new Set());
  const [openDetails, setOpenDetails] = useState<ReadonlySet<string>>(new Set());
  const toggle = (set: ReadonlySet<string>, key: string, open = !set.has(key)) => {
    const next = new Set(set);
    if (open) next.add(key);
    else next.delete(key);
    return next;
  };
  const setGroup = (code: string, open?: boolean) => setOpenGroups((s) => toggle(s, code, open));
  const flipDetails = (d: Diagnostic) => setOpenDetails((s) => toggle(s, keyOf(d)));

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const lines = [...e.currentTarget.querySelectorAll<HTMLElement>("[data-nav]")];
    const at = lines.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => lines[Math.max(0, Math.min(lines.length - 1, i))]?.focus();
    const group = (document.activeElement as HTMLElement | null)?.dataset.group;
    switch (e.key) {
      case "ArrowDown":
        focus(at < 0 ? 0 : at + 1);
        break;
      case "ArrowUp":
        focus(at < 0 ? 0 : at - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(lines.length - 1);
        break;
      case "ArrowRight":
        if (group) setGroup(group, true);
        else return;
        break;
      case "ArrowLeft": {
        if (!group) return;
        const header = e.currentTarget.querySelector<HTMLElement>(`[data-testid="problem-group"][data-group="${CSS.escape(group)}"]`);
        if (document.activeElement === header) setGroup(group, false);
        else header?.focus();
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  if (problems.length === 0) {
    return (
      <ul className="problems">
        <li className="muted">No problems found.</li>
      </ul>
    );
  }
  return (
    <ul className="problems" onKeyDown={onKeyDown} aria-label="Problems">
      {rows.map((row) => {
        if (row.kind === "one") {
          const d = row.problem;
          return (
            <li key={`p:${keyOf(d)}`}>
              <ProblemLine d={d} text={headline(d)} place={where(d.location)} onPick={onPick} details={allDetails || openDetails.has(keyOf(d))} onDetails={flipDetails} />
            </li>
          );
        }
        const open = openGroups.has(row.code);
        return (
          <li key={`g:${row.code}`} className="problem-group">
            <ProblemGroup code={row.code} severity={row.severity} problems={row.problems} open={open} onToggle={() => setGroup(row.code)} />
            {open && (
              <ul className="problem-members" data-testid="problem-group-list">
                {row.problems.map((d) => (
                  <li key={keyOf(d)}>
                    <ProblemLine d={d} text={null} place={where(d.location)} group={row.code} onPick={onPick} details={allDetails || openDetails.has(keyOf(d))} onDetails={flipDetails} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ProblemGroup({ code, severity, problems, open, onToggle }: { code: string; severity: string; problems: Diagnostic[]; open: boolean; onToggle: () => void }) {
  // Where the first few are, so the line says something before it is opened.
  const names = [...new Set(problems.map((d) => where(d.location)[0]))];
  const preview = names.slice(0, 3).join(", ") + (names.length > 3 ? ", …" : "");
  return (
    <button
      className={`problem group ${severity.toLowerCase()}`}
      aria-expanded={open}
      onClick={onToggle}
      data-nav
      data-group={code}
      data-code={code}
      data-testid="problem-group"
    >
      <span className="problem-chevron" aria-hidden="true">
        {open ? "▾" : "▸"}
      </span>
      <span className="problem-message">{groupHeadline(code, problems.length, problems[0]?.message)}</span>
      <span className="problem-where">{preview}</span>
    </button>
  );
}

interface LineProps {
  d: Diagnostic;
  /** The plain line; null inside a group, whose header says it. */
  text: string | null;
  place: string[];
  group?: string;
  details: boolean;
  onPick: (d: Diagnostic) => void;
  onDetails: (d: Diagnostic) => void;
}

function ProblemLine({ d, text, place, group, details, onPick, onDetails }: LineProps) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const line = d.range?.start.line ? `${d.range.start.line}:${d.range.start.column}` : null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(problemText(d));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard (an insecure page): the details stay selectable.
      setCopied(false);
    }
  };
  return (
    <>
      <div className="problem-line">
        <button
          className={`problem ${d.severity.toLowerCase()}`}
          onClick={() => onPick(d)}
          title={d.message}
          data-nav
          data-group={group}
          data-code={d.code}
          data-testid="problem"
        >
          {text !== null && <span className="problem-message">{text}</span>}
          <VerdictTag d={d} />
          <span className="problem-where" data-testid="problem-where">
            {place.join(" › ")}
          </span>
        </button>
        <button
          className="problem-toggle"
          aria-expanded={details}
          aria-controls={id}
          aria-label={`Details: ${place.join(" › ")}`}
          title="Details for developers: the validator's message, code, JSON pointer and line"
          onClick={() => onDetails(d)}
          data-testid="problem-details-toggle"
        >
          Details
        </button>
      </div>
      {details && (
        <div className="problem-details" id={id} data-testid="problem-details">
          <p className="problem-text">{d.message}</p>
          <p className="problem-facts">
            <code data-testid="problem-code">{d.code}</code>
            <code data-testid="problem-pointer">{d.location || "(whole definition)"}</code>
            {line && <code data-testid="problem-line">line {line}</code>}
            <button className="problem-copy" onClick={copy} data-testid="problem-copy">
              {copied ? "Copied" : "Copy"}
            </button>
          </p>
        </div>
      )}
    </>
  );
}

/** After Validate with AWS: whether AWS found this too, or only one side did (a difference to fix). */
function VerdictTag({ d }: { d: Diagnostic & { verdict?: "both" | "aws-only" | "ours-only" } }) {
  if (!d.verdict) return null;
  const words = { both: ["AWS too", "AWS's validation reports this as well"], "aws-only": ["only AWS", "AWS reports this and the studio does not: a difference in our validator"], "ours-only": ["not AWS", "The studio reports this error and AWS accepts it: a difference in our validator"] }[d.verdict];
  return (
    <span className={`problem-verdict v-${d.verdict}`} title={words[1]} data-testid="problem-verdict" data-verdict={d.verdict}>
      {words[0]}
    </span>
  );
}
