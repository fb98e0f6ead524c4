import { AsyncLocalStorage } from "node:async_hooks";
import type { ActivityActor } from "../../storage/activity.ts";

/** Finds the actor when a change is recorded (a member lookup is made only then). */
export type ActorSource = () => ActivityActor | Promise<ActivityActor>;

const scope = new AsyncLocalStorage<ActorSource>();

/**
 * Runs `work` on behalf of an actor: map edits it makes through the services (REST handlers,
 * CLI commands) are recorded in the activity log as theirs.
 */
export function runAs<T>(actor: ActorSource, work: () => T): T {
  return scope.run(actor, work);
}

/** Who the running code acts for; Wayline itself (`system`) outside any `runAs`. */
export async function currentActor(): Promise<ActivityActor> {
  const source = scope.getStore();
  return source ? await source() : { kind: "system" };
}
