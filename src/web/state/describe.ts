import type { MapCommand } from "../../domain/index.ts";

/** A one-line human description of a command, quoting any text it carried. */
export function describeCommand(c: MapCommand): string {
  switch (c.type) {
    case "addCard":
      return `New card: “${c.text ?? ""}”`;
    case "updateCard":
      return c.text !== undefined ? `Card text: “${c.text}”` : "Card details";
    case "renameStage":
      return `Stage renamed to “${c.name}”`;
    case "addStage":
      return `New stage “${c.name}”`;
    case "renameLane":
      return `Lane renamed to “${c.name}”`;
    case "setEmotion":
      return `Emotion ${c.value}${c.reason ? ` (“${c.reason}”)` : ""}`;
    case "setMapProperties":
      return `Map properties: ${JSON.stringify(c.patch)}`;
    default:
      return c.type.replace(/([A-Z])/g, " $1").toLowerCase();
  }
}
