/** Path of the comparison view of a current-state map with its future state. */
export const comparePath = (currentId: string, futureId: string) =>
  `/maps/${encodeURIComponent(currentId)}/compare/${encodeURIComponent(futureId)}`;

/** The two map ids of a comparison path `/maps/:id/compare/:otherId`, or null. */
export function compareIdsOf(path: string): [string, string] | null {
  const m = /^\/maps\/([^/]+)\/compare\/([^/]+)\/?$/.exec(path);
  return m?.[1] && m[2] ? [decodeURIComponent(m[1]), decodeURIComponent(m[2])] : null;
}
