import { StateIcon } from "../canvas/StateIcon";

/** The state types with the plain-language line a non-developer reads. */
export const stateTypes = [
  { type: "Task", text: "Do one piece of work: call a service or a function." },
  { type: "Choice", text: "Pick the next step from the data." },
  { type: "Parallel", text: "Run several paths at the same time." },
  { type: "Map", text: "Repeat steps for every item in a list." },
  { type: "Pass", text: "Pass data on, reshaping it on the way." },
  { type: "Wait", text: "Pause for a while or until a time." },
  { type: "Succeed", text: "Stop here: the work is done." },
  { type: "Fail", text: "Stop here with an error." },
];

export function Palette() {
  return (
    <aside className="panel palette" aria-label="Palette">
      <h2 className="panel-title">States</h2>
      <ul>
        {stateTypes.map((s) => (
          <li key={s.type} className="palette-item" title={s.text}>
            <StateIcon type={s.type} />
            <div>
              <div className="palette-name">{s.type}</div>
              <div className="palette-text">{s.text}</div>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
