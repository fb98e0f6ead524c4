import { anchorKey, anchorLabel, type CommentAnchor } from "../../domain/comments/index.ts";
import type { JourneyMap } from "../../domain/index.ts";

/** One choice of the "Comment on" list. */
export interface AnchorOption {
  key: string;
  label: string;
  group: "Map" | "Selected" | "Stages" | "Lanes" | "Emotions" | "Cards";
  anchor: CommentAnchor;
}

/** Everything on a map one can comment on, the selected card first. */
export function anchorOptions(map: JourneyMap, selectedCardId: string | null): AnchorOption[] {
  const opt = (group: AnchorOption["group"], anchor: CommentAnchor): AnchorOption[] => {
    const label = anchorLabel(map, anchor);
    return label ? [{ key: anchorKey(anchor), label, group, anchor }] : [];
  };
  const selected = selectedCardId ? opt("Selected", { kind: "card", cardId: selectedCardId }) : [];
  const emotions = map.emotionPoints.flatMap((p) =>
    opt("Emotions", { kind: "emotion", stageId: p.stageId, personaId: p.personaId }),
  );
  const seen = new Set<string>();
  const once = (o: AnchorOption) => {
    if (o.group === "Selected") return true;
    if (seen.has(o.key)) return false;
    seen.add(o.key);
    return true;
  };
  return [
    ...opt("Map", { kind: "map" }),
    ...selected,
    ...map.stages.flatMap((s) => opt("Stages", { kind: "stage", stageId: s.id })),
    ...map.lanes.flatMap((l) => opt("Lanes", { kind: "lane", laneId: l.id })),
    ...emotions,
    ...map.cards.flatMap((c) => opt("Cards", { kind: "card", cardId: c.id })),
  ].filter(once);
}

/** The DOM element that shows an anchor in the editor (to scroll to and focus), if any. */
export function anchorElement(anchor: CommentAnchor): HTMLElement | null {
  const sel =
    anchor.kind === "card"
      ? `[data-card-id="${CSS.escape(anchor.cardId)}"]`
      : anchor.kind === "stage" || anchor.kind === "emotion"
        ? `[data-comment-anchor="${CSS.escape(`stage:${anchor.stageId}`)}"]`
        : anchor.kind === "lane"
          ? `[data-comment-anchor="${CSS.escape(`lane:${anchor.laneId}`)}"]`
          : null;
  return sel ? document.querySelector<HTMLElement>(sel) : null;
}
