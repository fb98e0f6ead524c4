import type { NoteView, WorkshopView } from "../../contract/workshop.ts";
import type { AgendaAction, TimerAction, VoteSetup } from "../../domain/workshop/index.ts";
import { request } from "../api/request.ts";

const base = (id: string) => `/api/journeys/${encodeURIComponent(id)}/workshop`;

/** Typed client of the workshop routes (docs/api.md "Workshop"). */
export const workshopApi = {
  /** The session; with `wait` > 0 the answer comes once the version differs from `since` (≤ 30 s). */
  get: (id: string, since = 0, wait = 0) =>
    request<WorkshopView>("GET", base(id), { query: { since, wait } }),
  start: (id: string) => request<WorkshopView>("POST", base(id)),
  end: (id: string) => request<WorkshopView>("DELETE", base(id)),
  timer: (id: string, action: TimerAction) =>
    request<WorkshopView>("POST", `${base(id)}/timer`, { body: action }),
  agenda: (id: string, action: AgendaAction) =>
    request<WorkshopView>("POST", `${base(id)}/agenda`, { body: action }),
  follow: (id: string, clientId: number | null) =>
    request<WorkshopView>("POST", `${base(id)}/follow`, { body: { clientId } }),
  openVote: (id: string, setup: VoteSetup) =>
    request<WorkshopView>("POST", `${base(id)}/voting`, { body: setup }),
  vote: (id: string, cardId: string, delta: 1 | -1) =>
    request<WorkshopView>("POST", `${base(id)}/votes`, { body: { cardId, delta } }),
  reveal: (id: string) => request<WorkshopView>("POST", `${base(id)}/reveal`),
  note: (id: string, text: string, stageId?: string) =>
    request<NoteView>("POST", `${base(id)}/notes`, { body: stageId ? { text, stageId } : { text } }),
};
