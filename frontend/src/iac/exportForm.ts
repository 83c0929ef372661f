// The Export dialog's state and rules, apart from React: which targets
// exist, which substitution names are acceptable, and the options sent to
// the Go exporter.
import type { ExportCandidate, ExportOptions, ExportTarget } from "../backend/studio";

export interface TargetInfo {
  id: ExportTarget;
  label: string;
  /** What the export produces, shown under the choice. */
  detail: string;
  /** The target can put the definition inside the template. */
  inline?: string;
}

export const targets: TargetInfo[] = [
  { id: "sam", label: "SAM", detail: "AWS::Serverless::StateMachine with DefinitionUri, DefinitionSubstitutions and drafted Policies", inline: "Inline Definition instead of DefinitionUri" },
  { id: "cfn", label: "CloudFormation", detail: "AWS::StepFunctions::StateMachine with DefinitionString, DefinitionSubstitutions and a role parameter", inline: "Definition object instead of DefinitionString" },
  { id: "cdk", label: "CDK (TypeScript)", detail: "A stack with DefinitionBody.fromFile and definitionSubstitutions" },
  { id: "terraform", label: "Terraform", detail: "aws_sfn_state_machine with templatefile(), variables and a role" },
  { id: "asl-json", label: "ASL JSON", detail: "The definition alone, as JSON" },
  { id: "asl-yaml", label: "ASL YAML", detail: "The definition alone, as YAML" },
];

/** One row of the substitutions table. */
export interface SubstitutionRow {
  candidate: ExportCandidate;
  name: string;
  /** Off keeps the value hard-coded; existing placeholders are always on. */
  enabled: boolean;
}

export const rowsFrom = (cands: ExportCandidate[]): SubstitutionRow[] =>
  cands.map((c) => ({ candidate: c, name: c.name, enabled: true }));

const identifier = /^[A-Za-z][A-Za-z0-9]*$/;

/** Problems with the names, by row index; empty when all are fine. */
export function nameProblems(rows: SubstitutionRow[]): Map<number, string> {
  const out = new Map<number, string>();
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.enabled) return;
    if (!identifier.test(r.name)) {
      out.set(i, "Use letters and digits, starting with a letter.");
      return;
    }
    const first = seen.get(r.name);
    if (first !== undefined) {
      out.set(i, `Same name as row ${first + 1}.`);
      return;
    }
    seen.set(r.name, i);
  });
  return out;
}

/** The exporter's options for the dialog's state. */
export function toOptions(target: ExportTarget, name: string, rows: SubstitutionRow[], inline: boolean, express: boolean): ExportOptions {
  return {
    target,
    name,
    inline,
    express,
    substitutions: rows
      .filter((r) => r.candidate.kind !== "placeholder")
      .map((r) => ({ ...r.candidate, name: r.enabled ? r.name : "" })),
  };
}

/** "order-process" from "order-process.asl.json" or "Order Process.yaml". */
export function machineNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/(\.asl)?\.(json|ya?ml)$/i, "");
  return base || "state-machine";
}

const kindLabels: Record<string, string> = {
  arn: "ARN",
  "queue-url": "Queue URL",
  "table-name": "Table name",
  "bucket-name": "Bucket name",
  "function-name": "Function name",
  account: "Account id",
  region: "Region",
  placeholder: "Already a placeholder",
};

export const kindLabel = (kind: string): string => kindLabels[kind] ?? kind;
