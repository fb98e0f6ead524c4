// Column detection is pure and shared with the web preview: it lives in the domain.
export { COLUMN_CANDIDATES, detectColumns } from "../../domain/csv/log-columns.ts";
