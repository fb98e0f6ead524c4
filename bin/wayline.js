#!/usr/bin/env node
// Entry point of the `wayline` command: runs the TypeScript sources through tsx's loader.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// The project's tsconfig (JSX runtime for the picture components), whatever the working directory.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/main.ts");
