import type { Sparkline as SparklineData } from "../../domain/hierarchy/index.ts";

const W = 120;
const H = 32;
const PAD = 3;

/** Path segments of the line, broken where a stage has no point. */
function segments(data: SparklineData): string[] {
  const span = Math.max(1, data.max - data.min);
  const step = data.points.length > 1 ? (W - 2 * PAD) / (data.points.length - 1) : 0;
  const out: string[] = [];
  let current = "";
  data.points.forEach((p, i) => {
    if (p.value === null) {
      if (current) out.push(current);
      current = "";
      return;
    }
    const x = PAD + i * step;
    const y = PAD + (1 - (p.value - data.min) / span) * (H - 2 * PAD);
    current += `${current ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  });
  if (current) out.push(current);
  return out;
}

const signed = (v: number) =>
  v > 0 ? `+${v.toFixed(1).replace(/\.0$/, "")}` : v.toFixed(1).replace(/\.0$/, "");

/** An emotion curve as a small SVG line with the neutral level dashed; its text names each stage's level. */
export function Sparkline({ data }: { data: SparklineData | null }) {
  if (!data || data.points.every((p) => p.value === null))
    return <span className="atlas-spark-empty muted">No emotion data</span>;
  const span = Math.max(1, data.max - data.min);
  const neutral = Math.min(data.max, Math.max(data.min, 0));
  const yNeutral = PAD + (1 - (neutral - data.min) / span) * (H - 2 * PAD);
  const label = `Emotion per stage: ${data.points
    .map((p) => `${p.stage} ${p.value === null ? "none" : signed(p.value)}`)
    .join(", ")}`;
  return (
    <svg className="atlas-spark" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={PAD} x2={W - PAD} y1={yNeutral} y2={yNeutral} className="atlas-spark-neutral" />
      {segments(data).map((d) => (
        <path key={d} d={d} className="atlas-spark-line" />
      ))}
    </svg>
  );
}
