/** Width of a stage column in px (fixed so the emotion curve lines up with the columns). */
export const STAGE_WIDTH = 248;
/** Width of the sticky lane-header column in px. */
export const LANE_HEADER_WIDTH = 208;
/** Height of the emotion chart in px. */
export const EMOTION_HEIGHT = 244;
/** Room above the top level and below the bottom one (pattern markers, faces, two-line reasons). */
export const EMOTION_PAD = 50;

/** Id of a droppable cell. */
export const cellDropId = (laneId: string, stageId: string) => `cell|${laneId}|${stageId}`;

/** Moves keyboard focus to the grid cell at (row, col), if it exists. */
export function focusCell(row: number, col: number): boolean {
  const el = document.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
  el?.focus();
  return !!el;
}
