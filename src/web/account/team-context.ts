import { createContext, useContext } from "react";
import type { Me, WorkspaceOfUser } from "./auth-api.ts";

/** The signed-in user in accounts mode (null in local and token mode). */
export interface TeamState {
  me: Extract<Me, { mode: "accounts" }>;
  current: WorkspaceOfUser | undefined;
  reload(): void;
}

/** Provided by `AuthGate`. */
export const TeamContext = createContext<TeamState | null>(null);

/** The signed-in user, or null without accounts. */
export function useTeam(): TeamState | null {
  return useContext(TeamContext);
}
