import type { EditLock } from "./editLock";

interface Props {
  lock: EditLock;
  /** Shows the mistake in the code view. */
  onShow: () => void;
  testId: string;
}

/** Why the diagram and its forms cannot be edited now, and a way to the mistake. */
export function LockBanner({ lock, onShow, testId }: Props) {
  return (
    <div className="lock-banner" role="alert" data-testid={testId}>
      <p className="lock-text">{lock.message}</p>
      {lock.diagnostic && <p className="lock-detail">{lock.diagnostic.message}</p>}
      {lock.diagnostic && (
        <button type="button" className="lock-show" data-testid={`${testId}-show`} onClick={onShow}>
          {lock.line ? `Show line ${lock.line}` : "Show the mistake"}
        </button>
      )}
    </div>
  );
}
