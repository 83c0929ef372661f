import type { Diagram } from "../backend/studio";
import { StateIcon } from "../canvas/StateIcon";

interface Props {
  diagram: Diagram | null;
  selected: string | null;
}

/** Shows what is selected on the canvas (read-only for now). */
export function Inspector({ diagram, selected }: Props) {
  const node = diagram?.nodes.find((n) => n.id === selected && n.type);
  const states = diagram?.nodes.filter((n) => n.type).length ?? 0;
  return (
    <aside className="panel inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      {node ? (
        <div className="inspector-body" data-testid="inspector-state">
          <div className="inspector-head">
            <StateIcon type={node.type} />
            <div>
              <div className="inspector-name">{node.name}</div>
              <div className="inspector-type">{node.type} state</div>
            </div>
          </div>
          <dl>
            {node.resource && (<><dt>Calls</dt><dd>{node.resource}</dd></>)}
            {node.comment && (<><dt>Comment</dt><dd>{node.comment}</dd></>)}
            {node.retries ? (<><dt>Retry rules</dt><dd>{node.retries}</dd></>) : null}
            <dt>Location</dt>
            <dd className="mono">{node.id}</dd>
          </dl>
        </div>
      ) : (
        <div className="inspector-body muted">
          <p>Select a state on the canvas to see its details.</p>
          {diagram && <p>This workflow has {states} states.</p>}
        </div>
      )}
    </aside>
  );
}
