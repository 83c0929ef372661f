import { useState, type KeyboardEvent } from "react";
import { newId } from "./Field";

interface Props {
  values: string[];
  suggestions: string[];
  onChange(values: string[]): void;
  label: string;
  testId?: string;
}

/** A list of names as chips: type (with suggestions) and Enter to add, × or Backspace to remove. */
export function Chips({ values, suggestions, onChange, label, testId }: Props) {
  const [text, setText] = useState("");
  const [list] = useState(() => newId("chips"));
  const add = () => {
    const v = text.trim();
    setText("");
    if (v && !values.includes(v)) onChange([...values, v]);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add();
    } else if (e.key === "Backspace" && text === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="ichips" data-testid={testId}>
      {values.map((v) => (
        <span className="ichip" key={v}>
          {v}
          <button type="button" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      <input
        className="ichips-input"
        list={list}
        value={text}
        aria-label={`Add to ${label}`}
        placeholder={values.length ? "" : "States.ALL"}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        onBlur={add}
      />
      <datalist id={list}>
        {suggestions.filter((s) => !values.includes(s)).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
