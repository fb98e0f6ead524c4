/**
 * Every limit of a workshop session, in one place (docs/guide/workshop.md lists them). The
 * service refuses anything beyond them with a located `invalid_request`.
 */
export const WORKSHOP_LIMITS = {
  /** Steps in an agenda. */
  agendaSteps: 30,
  /** Characters of a step's title. */
  stepTitle: 120,
  /** Longest timer, in minutes (a half-day workshop). */
  timerMinutes: 240,
  /** Most dots a facilitator may give each participant. */
  votesPerPerson: 20,
  /** Participants whose ballots one vote keeps (beyond it new voters are refused). */
  voters: 500,
  /** Characters of a parking-lot note. */
  noteText: 500,
} as const;
