import { Check } from "lucide-react";
import type { Card } from "../../domain/index.ts";
import "./data.css";

/** Whether a card is backed by data: observed or validated, or citing evidence. */
export const isEvidenceBacked = (card: Pick<Card, "confidence" | "evidence">) =>
  card.confidence === "observed" || card.confidence === "validated" || card.evidence.length > 0;

/** A small "evidence" badge on cards backed by data (confidence observed/validated or cited evidence). */
export function EvidenceBadge({ card }: { card: Pick<Card, "confidence" | "evidence"> }) {
  if (!isEvidenceBacked(card)) return null;
  const why = [
    card.confidence !== "assumed" ? `confidence: ${card.confidence}` : null,
    card.evidence.length
      ? `${card.evidence.length} evidence link${card.evidence.length > 1 ? "s" : ""}`
      : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <span className="evidence-badge" title={`Backed by data (${why})`}>
      <Check size={12} strokeWidth={3} aria-hidden="true" /> Evidence<span className="sr-only"> ({why})</span>
    </span>
  );
}
