/** A one-line human description of a command: each command's `describe` (domain/commands). */
export { describeCommand } from "../../domain/index.ts";
