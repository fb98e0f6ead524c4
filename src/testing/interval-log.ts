/**
 * A small interval event log (Start + Complete Timestamp) for the durations tests of the CLI, the
 * API and the browser: three claims through Submit → Review → Approve, one never approved.
 * Activity durations: Submit 10, 20, 15 min; Review 1 d, 3 d, 2 h; Approve 30 min, 5 min.
 */
export const INTERVAL_CSV = [
  "Case ID,Activity,Start Timestamp,Complete Timestamp",
  "c1,Submit,2026-01-05 09:00:00,2026-01-05 09:10:00",
  "c1,Review,2026-01-05 10:00:00,2026-01-06 10:00:00",
  "c1,Approve,2026-01-07 10:00:00,2026-01-07 10:30:00",
  "c2,Submit,2026-01-05 09:00:00,2026-01-05 09:20:00",
  "c2,Review,2026-01-05 12:00:00,2026-01-08 12:00:00",
  "c2,Approve,2026-01-09 12:00:00,2026-01-09 12:05:00",
  "c3,Submit,2026-01-06 08:00:00,2026-01-06 08:15:00",
  "c3,Review,2026-01-06 09:00:00,2026-01-06 11:00:00",
  "",
].join("\n");

/** The stages of a claims map and the activity each one's rule places there. */
export const INTERVAL_STAGES = [
  { id: "s-intake", name: "Intake", activity: "Submit" },
  { id: "s-review", name: "Review", activity: "Review" },
  { id: "s-decide", name: "Decision", activity: "Approve" },
] as const;
