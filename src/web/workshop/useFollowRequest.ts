import { useEffect, useRef } from "react";
import type { PresenceStore } from "../state/presence.ts";
import { useWorkshop } from "./workshop-store.ts";

/**
 * "Everyone follow me": each new request of the facilitator (a new `seq`) makes this view follow
 * theirs once; a participant who stops following stays free until the next request. The
 * facilitator's own browser never follows itself.
 */
export function useFollowRequest(presence: PresenceStore | null, myClientId: number | null): void {
  const follow = useWorkshop((s) => s.view?.session?.follow ?? null);
  const done = useRef(0);
  useEffect(() => {
    if (!presence || !follow || follow.seq === done.current) return;
    if (follow.clientId === myClientId) {
      done.current = follow.seq;
      return;
    }
    const seq = follow.seq;
    // The facilitator may not be in my presence list yet (I just joined): wait until they are.
    const go = () => {
      if (done.current === seq) return;
      if (!presence.getState().others.some((o) => o.clientId === follow.clientId)) return;
      done.current = seq;
      presence.follow(follow.clientId);
    };
    go();
    return presence.subscribe(go);
  }, [presence, follow, myClientId]);
}
