import { Pause, Play, Plus, RotateCcw } from "lucide-react";
import { useState } from "react";
import type { SessionView } from "../../contract/workshop.ts";
import { formatClock } from "../../domain/workshop/timer.ts";
import { ToolLabel } from "../ui/ToolLabel.tsx";
import { workshopApi } from "./workshop-api.ts";
import { act } from "./workshop-store.ts";

/** The shared timer (everyone) and its controls (facilitators). */
export function TimerSection({
  session,
  left,
  facilitate,
}: {
  session: SessionView;
  left: number;
  facilitate: boolean;
}) {
  const [minutes, setMinutes] = useState(Math.round(session.timer.durationMs / 60_000) || 10);
  const running = session.timer.runningSince !== null && left > 0;
  return (
    <section className="workshop-timer" aria-label="Timer">
      <div
        role="timer"
        aria-label="Time left"
        className={left === 0 ? "workshop-clock done" : "workshop-clock"}
      >
        {formatClock(left)}
      </div>
      <p className="muted workshop-timer-state">
        {left === 0 ? "Time is up" : running ? "Running" : "Paused"}
      </p>
      {facilitate ? (
        <div className="workshop-row">
          {running ? (
            <button
              type="button"
              className="btn"
              onClick={() => act((id) => workshopApi.timer(id, { op: "pause" }))}
            >
              <ToolLabel icon={Pause}>Pause</ToolLabel>
            </button>
          ) : (
            <button
              type="button"
              className="btn primary"
              disabled={left === 0}
              onClick={() => act((id) => workshopApi.timer(id, { op: "start" }))}
            >
              <ToolLabel icon={Play}>Start timer</ToolLabel>
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => act((id) => workshopApi.timer(id, { op: "add_minute" }))}
          >
            <ToolLabel icon={Plus}>1 min</ToolLabel>
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => act((id) => workshopApi.timer(id, { op: "reset" }))}
          >
            <ToolLabel icon={RotateCcw}>Reset</ToolLabel>
          </button>
          <form
            className="workshop-row"
            onSubmit={(e) => {
              e.preventDefault();
              void act((id) => workshopApi.timer(id, { op: "set", minutes }));
            }}
          >
            <label>
              Minutes
              <input
                type="number"
                min={1}
                max={240}
                value={minutes}
                onChange={(e) => setMinutes(Math.max(1, Math.min(240, Number(e.target.value) || 1)))}
              />
            </label>
            <button type="submit" className="btn">
              Set
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
