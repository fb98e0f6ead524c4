import { Hono } from "hono";
import {
  type CreatedWebhook,
  CreateWebhookBody,
  DeliveriesQuery,
  type DeliveryView,
  UpdateWebhookBody,
  WEBHOOK_EVENT_LABELS,
  type WebhookView,
} from "../../../contract/webhooks.ts";
import type { AppEnv } from "../../context.ts";
import { body, query } from "../../validate.ts";
import { commentAuthorOf } from "../comments/author.ts";

/** `/api/webhooks…`: the current workspace's outgoing webhooks (admins), their log and "Send test". */
export function webhookRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const hooks = (c: { var: AppEnv["Variables"] }) => c.var.services.webhooks;
  r.get("/", async (c) =>
    c.json<{ webhooks: WebhookView[]; eventTypes: typeof WEBHOOK_EVENT_LABELS }>({
      webhooks: await hooks(c).list(c.var.workspaceId),
      eventTypes: WEBHOOK_EVENT_LABELS,
    }),
  );
  r.post("/", async (c) => {
    const b = await body(c, CreateWebhookBody);
    const who = c.var.identity.userId ?? c.var.identity.name;
    return c.json<CreatedWebhook>(await hooks(c).create(c.var.workspaceId, b, who), 201);
  });
  r.get("/:id", async (c) => c.json<WebhookView>(await hooks(c).get(c.var.workspaceId, c.req.param("id"))));
  r.patch("/:id", async (c) => {
    const b = await body(c, UpdateWebhookBody);
    return c.json<WebhookView>(await hooks(c).update(c.var.workspaceId, c.req.param("id"), b));
  });
  r.delete("/:id", async (c) => {
    await hooks(c).delete(c.var.workspaceId, c.req.param("id"));
    return c.body(null, 204);
  });
  r.post("/:id/secret", async (c) =>
    c.json<CreatedWebhook>(await hooks(c).rotateSecret(c.var.workspaceId, c.req.param("id"))),
  );
  r.get("/:id/deliveries", async (c) => {
    const q = query(c, DeliveriesQuery);
    return c.json<{ deliveries: DeliveryView[] }>({
      deliveries: await hooks(c).deliveries(c.var.workspaceId, c.req.param("id"), q.limit),
    });
  });
  r.post("/:id/test", async (c) =>
    c.json<DeliveryView>(
      await hooks(c).sendTest(c.var.workspaceId, c.req.param("id"), await commentAuthorOf(c)),
    ),
  );
  return r;
}
