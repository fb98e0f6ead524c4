// Delimiter detection is pure and shared with the web preview: it lives in the domain.
export {
  DELIMITER_CANDIDATES,
  detectDelimiterInSample as detectDelimiter,
} from "../../domain/csv/delimiter.ts";
