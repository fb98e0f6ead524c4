#!/usr/bin/env node
// Entry point of the `wayline` command: runs the TypeScript sources through tsx's loader.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// React's production build unless told otherwise: the development build records a stack per
// element, which makes server-side pictures (SVG/PNG/PDF exports) about 3× slower.
process.env.NODE_ENV ??= "production";
// The project's tsconfig (JSX runtime for the picture components), whatever the working directory.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/main.ts");
