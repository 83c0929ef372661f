import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./theme/theme.css";
import "./frame/frame.css";
import { installColours } from "./theme/colours";
import { isHiddenWindow } from "./backend/studio";

installColours(document);

const root = createRoot(document.getElementById("root")!);
// In the headless mode the studio lives in the browser; a second one in the
// unseen window would follow every run and take the CPU the browser needs
// (it does not even load the studio's code).
void isHiddenWindow()
  .catch(() => false)
  .then(async (hidden) => {
    if (hidden) return root.render(<p style={{ padding: 24 }}>Stepstudio is open in your browser.</p>);
    const { default: App } = await import("./App");
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
