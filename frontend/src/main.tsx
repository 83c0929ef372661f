import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./theme/theme.css";
import "./frame/frame.css";
import { installColours } from "./theme/colours";
import App from "./App";
import { isHiddenWindow } from "./backend/studio";

installColours(document);

const root = createRoot(document.getElementById("root")!);
// In the headless mode the studio lives in the browser; a second one in the
// unseen window would follow every run and take the CPU the browser needs.
isHiddenWindow()
  .catch(() => false)
  .then((hidden) =>
    root.render(
      hidden ? (
        <p style={{ padding: 24 }}>Stepstudio is open in your browser.</p>
      ) : (
        <StrictMode>
          <App />
        </StrictMode>
      ),
    ),
  );
