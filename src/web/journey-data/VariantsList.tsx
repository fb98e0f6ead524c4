import type { VariantsResult } from "../../domain/journey-data/index.ts";
import { fmtCount, fmtShare } from "./format.ts";

/** Top variants (distinct activity sequences) with a coverage bar each and the total coverage. */
export function VariantsList({ result }: { result: VariantsResult }) {
  const max = Math.max(...result.variants.map((v) => v.share), 0.0001);
  return (
    <section aria-label="Variants">
      <p className="muted">
        The top {fmtCount(result.variants.length)} of {fmtCount(result.total)} variants cover{" "}
        {fmtShare(result.coverage)} of {fmtCount(result.cases)} cases.
      </p>
      <ol className="variants">
        {result.variants.map((v, i) => (
          <li key={v.activities.join("\u0000")} className="variant">
            <div className="variant-head">
              <span className="variant-rank">#{i + 1}</span>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${(v.share / max) * 100}%` }} />
              </span>
              <span className="num">
                {fmtCount(v.count)} cases · {fmtShare(v.share)}
              </span>
            </div>
            <ol className="sequence" aria-label={`Variant ${i + 1}`}>
              {v.activities.map((a, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: activities repeat within a variant
                <li key={j}>{a}</li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
