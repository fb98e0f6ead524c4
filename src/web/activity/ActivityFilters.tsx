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
  const kinds = ACTIVITY_KIND_FAMILIES.map((k) => ({ value: k, label: KIND_LABELS[k] }));
  return (
    <search className="filters activity-filters">
      {withMap ? (
        <FilterSelect
          label="Map"
          name="Filter by map"
          all="Every map"
          value={value.map}
          options={maps.map((m) => ({ value: m.id, label: m.title }))}
          onChange={set("map")}
        />
      ) : null}
      <FilterSelect
        label="Member"
        name="Filter by member"
        all="Everyone"
        value={value.member}
        options={actors.map((a) => ({ value: a.key, label: a.name }))}
        onChange={set("member")}
      />
      <FilterSelect
        label="Kind"
        name="Filter by kind"
        all="Everything"
        value={value.kind}
        options={kinds}
        onChange={set("kind")}
      />
      <FilterDate label="From" name="From date" value={value.from} onChange={set("from")} />
      <FilterDate label="To" name="To date" value={value.to} onChange={set("to")} />
    </search>
  );
}

/** A labelled select whose first option (`all`) clears the filter. */
function FilterSelect(props: {
  label: string;
  name: string;
  all: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <select
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value)}
        aria-label={props.name}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled date input (empty clears the filter). */
function FilterDate(props: {
  label: string;
  name: string;
  value: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <input
        type="date"
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value)}
        aria-label={props.name}
      />
    </label>
  );
}
