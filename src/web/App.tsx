import { ActivityPage } from "./activity/ActivityPage.tsx";
import { ComparePage } from "./analysis/ComparePage.tsx";
import { compareIdsOf } from "./analysis/compare-route.ts";
import { AtlasPage } from "./atlas/AtlasPage.tsx";
import { EditorPage } from "./editor/EditorPage.tsx";
import { HomePage } from "./home/HomePage.tsx";
import { DataPage } from "./journey-data/DataPage.tsx";
import { KpisPage } from "./kpis/KpisPage.tsx";
import { AttentionPage } from "./portfolio/AttentionPage.tsx";
import { PortfolioPage } from "./portfolio/PortfolioPage.tsx";
import { mapIdOf, usePath } from "./router.ts";
import { WebhooksPage } from "./webhooks/WebhooksPage.tsx";

/** The app: the map list at `/`, the editor at `/maps/:id`, the Data tab at `/data`. */
export function App() {
  const path = usePath();
  if (/^\/data\/?$/.test(path)) return <DataPage />;
  if (/^\/attention\/?$/.test(path)) return <AttentionPage />;
  if (/^\/portfolio\/?$/.test(path)) return <PortfolioPage />;
  if (/^\/atlas\/?$/.test(path)) return <AtlasPage />;
  if (/^\/kpis\/?$/.test(path)) return <KpisPage />;
  if (/^\/activity\/?$/.test(path)) return <ActivityPage />;
  if (/^\/workspace\/webhooks\/?$/.test(path)) return <WebhooksPage />;
  const compare = compareIdsOf(path);
  if (compare) return <ComparePage key={compare.join("/")} ids={compare} />;
  const mapId = mapIdOf(path);
  return mapId ? <EditorPage key={mapId} mapId={mapId} /> : <HomePage />;
}
