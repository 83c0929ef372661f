import { useForm } from "../context";

/** The problems that land on a group of fields (a Retry entry, a rule, a list) rather than one field. */
export function FieldProblems({ pointer }: { pointer: string }) {
  const { problems } = useForm();
  const diags = problems(pointer);
  if (diags.length === 0) return null;
  return (
    <>
      {diags.map((d, i) => (
        <div key={i} className={`ifield-problem ${d.severity.toLowerCase()}`} data-testid="field-problem">
          {d.message}
        </div>
      ))}
    </>
  );
}
