import { type Context, Hono } from "hono";
import {
  AgendaBody,
  FollowBody,
  NoteBody,
  type NoteView,
  TimerBody,
  VoteBody,
  VotingBody,
  WorkshopQuery,
  type WorkshopView,
} from "../../../contract/workshop.ts";
import type { Participant, WorkshopState } from "../../../services/workshop/workshop-service.ts";
import { can } from "../../access/permissions.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { commentAuthorOf } from "../comments/author.ts";

type C = Context<AppEnv>;

/** The caller as a workshop participant: members by user id, guests by link and the name they gave. */
async function participantOf(c: C): Promise<Participant> {
  const a = await commentAuthorOf(c);
  return a.kind === "guest"
    ? { key: `guest:${a.shareLinkId}:${a.guestName}`, name: a.guestName }
    : { key: `member:${a.userId}`, name: a.name };
}

/** The state with what the caller may do, asked of the permission table. */
function answer(c: C, state: WorkshopState, name: string): WorkshopView {
  const where = { workspaceId: c.var.workspaceId, mapId: c.req.param("id") };
  const who = c.var.identity;
  return {
    ...state,
    you: {
      name,
      facilitate: can(who, "workshop.facilitate", where),
      reveal: can(who, "workshop.reveal", where),
      vote: can(who, "workshop.vote", where),
      note: can(who, "workshop.note", where),
    },
  };
}

/**
 * `/api/journeys/:id/workshop…`: the map's workshop session (docs/api.md "Workshop"). Each route's
 * action is in the permission table (`route-actions.ts`); the service trusts that check.
 */
export function workshopRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const svc = (c: C) => c.var.services.workshops;
  const ids = (c: C) => [c.var.workspaceId, c.req.param("id") as string] as const;
  r.get("/:id/workshop", async (c) => {
    const { since, wait } = query(c, WorkshopQuery);
    const me = await participantOf(c);
    const state = await svc(c).changes(...ids(c), me, since, wait, c.req.raw.signal);
    return c.json<WorkshopView>(answer(c, state, me.name));
  });
  r.post("/:id/workshop", async (c) => {
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).start(...ids(c), me), me.name), 201);
  });
  r.delete("/:id/workshop", async (c) => {
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).end(...ids(c), me), me.name));
  });
  r.post("/:id/workshop/timer", async (c) => {
    const b = await body(c, TimerBody);
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).timer(...ids(c), me, b), me.name));
  });
  r.post("/:id/workshop/agenda", async (c) => {
    const b = await body(c, AgendaBody);
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).agenda(...ids(c), me, b), me.name));
  });
  r.post("/:id/workshop/follow", async (c) => {
    const b = await body(c, FollowBody);
    const me = await participantOf(c);
    const leader = b.clientId === null ? null : { clientId: b.clientId };
    return c.json<WorkshopView>(answer(c, await svc(c).follow(...ids(c), me, leader), me.name));
  });
  r.post("/:id/workshop/voting", async (c) => {
    const b = await body(c, VotingBody);
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).openVote(...ids(c), me, b), me.name));
  });
  r.post("/:id/workshop/votes", async (c) => {
    const b = await body(c, VoteBody);
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).vote(...ids(c), me, b.cardId, b.delta), me.name));
  });
  r.post("/:id/workshop/reveal", async (c) => {
    const me = await participantOf(c);
    return c.json<WorkshopView>(answer(c, await svc(c).reveal(...ids(c), me), me.name));
  });
  r.post("/:id/workshop/notes", async (c) => {
    const b = await body(c, NoteBody);
    const me = await participantOf(c);
    const out = await svc(c).note(...ids(c), me, b);
    return c.json<NoteView>({ ...answer(c, out.state, me.name), cardId: out.cardId }, 201);
  });
  return r;
}
