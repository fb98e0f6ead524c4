import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { AuthGate } from "./account/AuthGate.tsx";
import "./styles/base.css";
import "./styles/home.css";
import "./styles/editor.css";
import "./styles/panels.css";
import "./styles/print.css";
import "./styles/account.css";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <App />
      </AuthGate>
    </StrictMode>,
  );
