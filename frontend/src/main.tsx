import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./theme/theme.css";
import "./frame/frame.css";
import { installColours } from "./theme/colours";
import App from "./App";

installColours(document);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
