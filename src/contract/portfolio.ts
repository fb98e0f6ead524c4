import { z } from "zod";
import { PortfolioBulkSchema, PortfolioFilterSchema } from "../domain/portfolio/index.ts";
import type { BulkMapResult, PortfolioReport } from "../services/portfolio/portfolio-service.ts";
import type {
  PainBrief,
  PainLinkDecision,
  PainRef,
  SimilarPainEntry,
  SimilarReport,
  SimilarSuggestion,
} from "../services/portfolio/similar-service.ts";

export type { PainBrief, PainLinkDecision, PainRef, SimilarPainEntry, SimilarSuggestion };

// The portfolio across maps, `/api/portfolio` (docs/api.md).

/** Query of `GET /api/portfolio`: the filters, the order and `format` (json, or csv for issue trackers). */
export const PortfolioQuery = PortfolioFilterSchema.extend({
  /** json (default), or csv / xlsx (summary, description, assignee, due date, labels, link). */
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
});

/** Body of `PATCH /api/portfolio`. */
export const PortfolioBulkBody = PortfolioBulkSchema;

/** Answer of `GET /api/portfolio`. */
export type PortfolioView = PortfolioReport;

/** Answer of `PATCH /api/portfolio`: per map its new version and the batch that undoes the edit. */
export interface PortfolioBulkView {
  /** One entry per map changed. */
  maps: BulkMapResult[];
}

const CardRef = z.strictObject({
  mapId: z.string().min(1).max(200),
  cardId: z.string().min(1).max(200),
});

/** Query of `GET /api/portfolio/similar`: one pain point (`mapId` + `cardId`), or every one. */
export const SimilarQuery = z
  .strictObject({
    mapId: z.string().min(1).max(200).optional(),
    cardId: z.string().min(1).max(200).optional(),
  })
  .refine((q) => (q.mapId === undefined) === (q.cardId === undefined), {
    message: "give both mapId and cardId, or neither",
    path: ["cardId"],
  });

/** Body of `POST /api/portfolio/similar`: link two pain points, dismiss the suggestion, or unlink. */
export const SimilarDecisionBody = z.strictObject({
  a: CardRef,
  b: CardRef,
  decision: z.enum(["link", "dismiss", "unlink"]),
});

/** Answer of `GET /api/portfolio/similar`. */
export type SimilarView = SimilarReport;

/** Answer of `POST /api/portfolio/similar`: pain point `a` with its suggestions and siblings. */
export type SimilarDecisionView = SimilarPainEntry;
