import { useEffect, useState } from "react";
import type { SessionView } from "../../contract/workshop.ts";

/**
 * Milliseconds left on the shared timer, re-read twice a second while it runs. Counts from the
 * server's `remainingMs` at the moment its answer arrived, so every browser shows the same time
 * whatever its own clock says.
 */
export function useCountdown(session: SessionView | null, receivedAt: number): number {
  const running = session?.timer.runningSince != null && (session?.remainingMs ?? 0) > 0;
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(t);
  }, [running]);
  if (!session) return 0;
  if (!running) return session.remainingMs;
  return Math.max(0, session.remainingMs - Math.max(0, now - receivedAt));
}
