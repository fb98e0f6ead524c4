import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/** Object keys whose values never reach a log line, wherever they appear (two levels deep). */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "passwordHash",
  "token",
  "secret",
  "databaseUrl",
  "DATABASE_URL",
  "REDIS_URL",
  "CLICKHOUSE_URL",
  "WAYLINE_METRICS_TOKEN",
] as const;

const REDACT_PATHS = SECRET_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const dot = key.startsWith("[") ? key : `.${key}`;
  return [key.startsWith("[") ? key : k, `*${dot}`, `*.*${dot}`];
});

/**
 * Masks secrets inside free text: the password of a connection URL (`postgres://u:***@h`),
 * bearer values, Wayline tokens (`wl_…`, `wls_…`, `wli_…`) and `password=` pairs.
 */
export function maskSecrets(text: string): string {
  return text
    .replace(/(\/\/[^:@/\s]+):[^@/\s]*@/g, "$1:***@")
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]")
    .replace(/\bwl[a-z]?_[A-Za-z0-9_-]{8,}/g, "wl_[redacted]")
    .replace(/\b(password|passwd|pwd|token|secret)=([^&\s]+)/gi, "$1=[redacted]");
}

/** The level of `WAYLINE_LOG_LEVEL` (default `info`; `silent` under a test runner unless set). */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const level = env.WAYLINE_LOG_LEVEL?.trim();
  if (level) return level;
  return env.NODE_ENV === "test" ? "silent" : "info";
}

/**
 * THE logger of the server: pino, one JSON object per line on stdout (or `destination`).
 * Secret keys are replaced by `[redacted]` at any depth pino's redaction reaches, and every
 * string argument and message passes through `maskSecrets`, so a database URL or token quoted in
 * an error message is masked too.
 */
export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? logLevelFromEnv(),
      base: { service: "wayline" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: errorSerializer },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? maskSecrets(a) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    opts.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/** Errors as `{type, message, stack}` with secrets masked in the message and the stack. */
function errorSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const base = pino.stdSerializers.err(err);
  return { ...base, message: maskSecrets(base.message), stack: maskSecrets(base.stack ?? "") };
}

/** A logger that writes nothing (tests, library use). */
export const silentLogger: Logger = pino({ level: "silent" });
