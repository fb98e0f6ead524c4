import { describe, expect, it } from "vitest";
import { MAX_UNDO_ENTRIES, PersistedUndo } from "./undo-store.ts";

function memory() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
}
const entry = (n: number) => ({
  commands: [{ type: "renameStage", id: `s${n}`, name: `New ${n}` }],
  inverse: [{ type: "renameStage", id: `s${n}`, name: `Old ${n}` }],
});

describe("PersistedUndo", () => {
  it("keeps entries across instances (a reload), per map and user", () => {
    const s = memory();
    const a = new PersistedUndo("m1", "eva", s);
    a.push(entry(1) as never);
    a.push(entry(2) as never);
    const b = new PersistedUndo("m1", "eva", s);
    expect(b.size).toBe(2);
    expect(b.pop()).toEqual(entry(2));
    expect(new PersistedUndo("m1", "tom", s).size).toBe(0);
    expect(new PersistedUndo("m2", "eva", s).size).toBe(0);
    expect(new PersistedUndo("m1", "eva", s).size).toBe(1);
  });
  it("keeps at most the newest MAX_UNDO_ENTRIES", () => {
    const u = new PersistedUndo("m", "u", memory());
    for (let i = 0; i < MAX_UNDO_ENTRIES + 5; i++) u.push(entry(i) as never);
    expect(u.size).toBe(MAX_UNDO_ENTRIES);
    expect(u.pop()).toEqual(entry(MAX_UNDO_ENTRIES + 4));
  });
  it("ignores corrupt storage and survives a full one", () => {
    const s = memory();
    s.m.set("wayline.undo.m.u", "{not json");
    expect(new PersistedUndo("m", "u", s).size).toBe(0);
    const full = {
      ...s,
      setItem: () => {
        throw new Error("QuotaExceeded");
      },
    };
    const u = new PersistedUndo("m", "u", full);
    u.push(entry(1) as never);
    expect(u.size).toBe(1);
  });
});
