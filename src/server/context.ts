import type { Services } from "../services/services.ts";
import type { Identity } from "./auth.ts";

/** The use cases the routes call (wired once by `createServices`). */
export type { Services } from "../services/services.ts";

/** Hono environment of the app: per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    identity: Identity;
    workspaceId: string;
    services: Services;
  };
}
