import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The Prometheus metrics of one server (a registry of its own, so two servers in one process —
 * tests — never share counters). Labels are bounded: `route` is a route template of the
 * permission table (`/api/journeys/:id`), never a raw path.
 */
export class Metrics {
  readonly registry = new Registry();
  /** Requests answered, by method, route template and status. */
  readonly requests = new Counter({
    name: "wayline_http_requests_total",
    help: "HTTP requests answered, by method, route template and status code",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  /** Time to answer, by method and route template. */
  readonly latency = new Histogram({
    name: "wayline_http_request_duration_seconds",
    help: "Time from request to response headers, by method and route template",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  /** Rows of event logs imported (rate() of it is the import throughput in rows/s). */
  readonly importRows = new Counter({
    name: "wayline_import_rows_total",
    help: "Event-log rows imported (events kept); rate() gives rows per second",
    registers: [this.registry],
  });
  /** Seconds spent importing event logs. */
  readonly importSeconds = new Counter({
    name: "wayline_import_seconds_total",
    help: "Seconds spent in successful event-log imports",
    registers: [this.registry],
  });
  /** Imports by outcome. */
  readonly imports = new Counter({
    name: "wayline_imports_total",
    help: "Event-log imports, by outcome (ok, failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  private openDocuments: () => number = () => 0;

  constructor() {
    const self = this;
    new Gauge({
      name: "wayline_collab_open_documents",
      help: "Maps open in the live-collaboration server",
      registers: [this.registry],
      collect() {
        this.set(self.openDocuments());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "wayline_" });
  }

  /** Where the open-documents gauge reads its value (the collab server, once it exists). */
  countOpenDocumentsWith(count: () => number): void {
    this.openDocuments = count;
  }

  /** One answered request. */
  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }

  /** The text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
