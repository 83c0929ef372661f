import type { ReactNode } from "react";

/** A titled group of fields. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="isection" data-testid={testId}>
      <h3 className="isection-title">{title}</h3>
      {children}
    </section>
  );
}
