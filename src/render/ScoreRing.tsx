/** Colour band of a health score: good ≥ 80, fair ≥ 50, poor below. */
export function scoreBand(score: number): "good" | "fair" | "poor" {
  return score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
}

/**
 * A 0–100 score drawn as a ring with the number in the middle. Colours come from CSS classes
 * (`score-ring good|fair|poor`) so light and dark themes apply.
 */
export function ScoreRing({
  score,
  size = 96,
  label = "Health score",
}: {
  score: number;
  size?: number;
  label?: string;
}) {
  const stroke = Math.max(6, size / 10);
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const clamped = Math.max(0, Math.min(100, score));
  return (
    <svg
      className={`score-ring ${scoreBand(clamped)}`}
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={`${label}: ${Math.round(clamped)} out of 100`}
    >
      <circle className="score-track" cx={size / 2} cy={size / 2} r={r} fill="none" strokeWidth={stroke} />
      <circle
        className="score-value"
        cx={size / 2}
        cy={size / 2}
        r={r}
        fill="none"
        strokeWidth={stroke}
        strokeLinecap="round"
        strokeDasharray={`${(clamped / 100) * c} ${c}`}
        transform={`rotate(-90 ${size / 2} ${size / 2})`}
      />
      <text
        x="50%"
        y="50%"
        textAnchor="middle"
        dominantBaseline="central"
        className="score-text"
        fontSize={size * 0.3}
      >
        {Math.round(clamped)}
      </text>
    </svg>
  );
}
