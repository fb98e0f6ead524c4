// biome-ignore-all lint/a11y/useSemanticElements: the map is an ARIA grid laid out with CSS grid (rows are display:contents), which <table> cannot do with sticky headers and spanning SVG lanes
// biome-ignore-all lint/a11y/useFocusableInteractive: grid rows and cells take focus through roving arrow-key navigation, not the tab order
// biome-ignore-all lint/a11y/noStaticElementInteractions: cards and headers are focusable ARIA widgets with keyboard handlers
// biome-ignore-all lint/a11y/noNoninteractiveTabindex: grid cells and headers are focus targets of the grid's keyboard navigation
import { useDraggable } from "@dnd-kit/core";
import { memo } from "react";
import type { Card } from "../../domain/index.ts";
import { CommentBadge } from "../comments/CommentBadge.tsx";
import { CardBody } from "./CardBody.tsx";
import { CardTextEditor } from "./CardTextEditor.tsx";
import { pickUp } from "./keyboard-carry.ts";
import { CARD_KEYS_HELP_ID } from "./layout.ts";
import { useSession } from "./session-context.ts";

/**
 * A card, styled by kind and by its lane's tone (`tone-*` classes, map-look.css): text that wraps,
 * the kind's fields in words and icons. Click selects, double-click edits, drag moves.
 */
export const CardView = memo(function CardView({
  card,
  tone,
  quote = false,
  editing,
  selected,
  carried,
}: {
  card: Card;
  tone: string;
  quote?: boolean;
  /** Its text editor is open. */
  editing: boolean;
  /** Open in the card panel. */
  selected: boolean;
  /** Picked up with the keyboard. */
  carried: boolean;
}) {
  const session = useSession();
  const drag = useDraggable({ id: `card|${card.id}`, disabled: editing });
  const select = () => session.store.setState({ selectedCardId: card.id, panel: "card" });
  const edit = () => session.store.setState({ editing: { kind: "card", id: card.id } });
  // Enter opens the details panel, F2 edits the text in place, Space picks the card up for a
  // keyboard move (keyboard-carry.ts; arrows and the drop are handled by the grid).
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget || session.store.getState().carrying) return;
    if (e.key === "Enter") {
      e.preventDefault();
      select();
    } else if (e.key === "F2") {
      e.preventDefault();
      edit();
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const cell = e.currentTarget.closest<HTMLElement>("[data-cell]");
      session.dispatch([{ type: "deleteCard", id: card.id }]);
      cell?.focus();
    } else if (e.key === " ") {
      e.preventDefault();
      e.stopPropagation();
      pickUp(session, card.id);
    }
  };
  const style = {
    "--card-color": card.color ?? undefined,
    transform: drag.transform ? `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` : undefined,
  };
  return (
    <div
      ref={drag.setNodeRef}
      {...drag.attributes}
      onPointerDown={
        editing ? undefined : (drag.listeners?.onPointerDown as React.PointerEventHandler | undefined)
      }
      role="group"
      aria-roledescription="card"
      aria-describedby={CARD_KEYS_HELP_ID}
      data-card-id={card.id}
      aria-label={card.text.split("\n")[0] || "Empty card"}
      tabIndex={-1}
      className={`card tone-${tone} kind-${card.fields.kind}${selected ? " selected" : ""}${drag.isDragging ? " dragging" : ""}${carried ? " carried" : ""}${card.color ? " colored" : ""}`}
      style={style as React.CSSProperties}
      onClick={select}
      onDoubleClick={edit}
      onKeyDown={onKeyDown}
    >
      {editing ? (
        <CardTextEditor card={card} />
      ) : (
        <>
          <CommentBadge anchor={{ kind: "card", cardId: card.id }} />
          <CardBody card={card} quote={quote} />
        </>
      )}
    </div>
  );
});
