import { useEffect, useState } from "react";
import { ACTIVITY_KIND_FAMILIES } from "../../contract/activity.ts";
import { activityApi, type ActivityFilters as Filters } from "../api/activity.ts";
import { api } from "../api/client.ts";

const KIND_LABELS: Record<(typeof ACTIVITY_KIND_FAMILIES)[number], string> = {
  map: "Map properties",
  phase: "Phases",
  stage: "Stages",
  lane: "Lanes",
  card: "Cards",
  emotion: "Emotions",
};

/** Member, kind and date filters of an activity listing, and the map on the workspace page (`withMap`). */
export function ActivityFilters({
  value,
  onChange,
  withMap = false,
}: {
  value: Filters;
  onChange: (f: Filters) => void;
  withMap?: boolean;
}) {
  const [actors, setActors] = useState<{ key: string; name: string }[]>([]);
  const [maps, setMaps] = useState<{ id: string; title: string }[]>([]);
  useEffect(() => {
    activityApi.actors().then(
      (r) => setActors(r.actors),
      () => setActors([]),
    );
    if (withMap)
      api.listJourneys().then(
        (r) => setMaps(r.map((m) => ({ id: m.id, title: m.title }))),
        () => setMaps([]),
      );
  }, [withMap]);
  const set = (k: keyof Filters) => (v: string) => onChange({ ...value, [k]: v || undefined });
  return (
    <search className="filters activity-filters">
      {withMap ? (
        <label className="filter">
          <span>Map</span>
          <select
            value={value.map ?? ""}
            onChange={(e) => set("map")(e.target.value)}
            aria-label="Filter by map"
          >
            <option value="">Every map</option>
            {maps.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="filter">
        <span>Member</span>
        <select
          value={value.member ?? ""}
          onChange={(e) => set("member")(e.target.value)}
          aria-label="Filter by member"
        >
          <option value="">Everyone</option>
          {actors.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Kind</span>
        <select
          value={value.kind ?? ""}
          onChange={(e) => set("kind")(e.target.value)}
          aria-label="Filter by kind"
        >
          <option value="">Everything</option>
          {ACTIVITY_KIND_FAMILIES.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>From</span>
        <input
          type="date"
          value={value.from ?? ""}
          onChange={(e) => set("from")(e.target.value)}
          aria-label="From date"
        />
      </label>
      <label className="filter">
        <span>To</span>
        <input
          type="date"
          value={value.to ?? ""}
          onChange={(e) => set("to")(e.target.value)}
          aria-label="To date"
        />
      </label>
    </search>
  );
}
