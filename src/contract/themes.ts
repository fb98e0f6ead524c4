// `GET /api/journeys/:id/surveys/themes` and `GET /api/journeys/:id/tickets/themes` (docs/api.md):
// themes of survey comments and of a support log's tickets per stage.

/** Answer of the themes routes. */
export type { Quote, StageThemes, Theme, ThemesReport } from "../services/surveys/themes.ts";
export type { TicketQuote, TicketThemesReport } from "../services/surveys/ticket-themes.ts";
