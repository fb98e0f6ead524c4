import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The web editor: sources in src/web, built to dist/web (served by `wayline serve`). */
export default defineConfig({
  root: here("./src/web"),
  base: "/",
  plugins: [react()],
  build: {
    outDir: here("./dist/web"),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The API runs on `npm start`; changeOrigin keeps the Host header loopback for local mode.
    proxy: {
      "/api": { target: "http://localhost:4400", changeOrigin: true },
      "/collab": { target: "ws://localhost:4400", ws: true, changeOrigin: true },
    },
  },
});
