// `GET /api/journeys/:id/surveys/themes` (docs/api.md): themes of survey comments per stage.

/** Answer of the themes route. */
export type { Quote, StageThemes, Theme, ThemesReport } from "../services/surveys/themes.ts";
