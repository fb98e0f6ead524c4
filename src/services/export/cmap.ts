/**
 * The characters a TrueType/OpenType font has glyphs for, read from its `cmap` table (format 12,
 * else format 4). Used to pick, per character, the bundled font that can draw it.
 */
export function cmapCodePoints(sfnt: Buffer): Set<number> {
  const numTables = sfnt.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString("latin1", at, at + 4) === "cmap") cmap = sfnt.readUInt32BE(at + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");
  const subtables = sfnt.readUInt16BE(cmap + 2);
  let best: { format: number; offset: number } | null = null;
  for (let i = 0; i < subtables; i++) {
    const at = cmap + 4 + i * 8;
    const platform = sfnt.readUInt16BE(at);
    const encoding = sfnt.readUInt16BE(at + 2);
    const offset = cmap + sfnt.readUInt32BE(at + 4);
    const format = sfnt.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format !== 12)) best = { format, offset };
  }
  if (!best) throw new Error("font has no Unicode cmap (format 4 or 12)");
  const out = new Set<number>();
  const o = best.offset;
  if (best.format === 12) {
    const groups = sfnt.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const at = o + 16 + g * 12;
      const start = sfnt.readUInt32BE(at);
      const end = sfnt.readUInt32BE(at + 4);
      const glyph = sfnt.readUInt32BE(at + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) out.add(cp);
    }
    return out;
  }
  const segs = sfnt.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = sfnt.readUInt16BE(ends + s * 2);
    const start = sfnt.readUInt16BE(starts + s * 2);
    const delta = sfnt.readInt16BE(deltas + s * 2);
    const ro = sfnt.readUInt16BE(rangeOffsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (ro === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + ro + (cp - start) * 2;
        const g = sfnt.readUInt16BE(at);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(cp);
    }
  }
  return out;
}
