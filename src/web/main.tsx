import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { AuthGate } from "./account/AuthGate.tsx";
import { EmbedPage, SharePage } from "./share/SharePage.tsx";
// Inter, bundled (every subset, loaded by unicode-range), so the map looks the same on every
// machine and in its exported pictures, which use the same font (services/export/fonts.ts).
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/700.css";
import "./styles/base.css";
import "./styles/home.css";
import "./styles/editor.css";
import "./styles/panels.css";
import "./styles/print.css";
import "./styles/account.css";

const root = document.getElementById("root");
// Pages opened from a share link need no account: they stay outside the sign-in gate.
const shared = /^\/(s|embed)\/([^/]+)\/?$/.exec(window.location.pathname);
if (root)
  createRoot(root).render(
    <StrictMode>
      {shared?.[2] ? (
        shared[1] === "s" ? (
          <SharePage token={decodeURIComponent(shared[2])} />
        ) : (
          <EmbedPage token={decodeURIComponent(shared[2])} />
        )
      ) : (
        <AuthGate>
          <App />
        </AuthGate>
      )}
    </StrictMode>,
  );
