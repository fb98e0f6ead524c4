import { WaylineError } from "../../domain/index.ts";
import type { LoginTally } from "../../storage/login-failures.ts";

/** Limits of failed logins. */
export interface LoginLimits {
  /** Failures per account within `windowMs` before it is locked. */
  perAccount: number;
  /** Failures per client address within `windowMs` before it is locked. */
  perAddress: number;
  /** Window and lock-out length (ms). */
  windowMs: number;
}

/** 5 wrong passwords per account or 20 per address within 15 minutes lock for 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Where tallies live: the database (`store.loginFailures`), or a Map in unit tests. */
export interface TallyStore {
  get(key: string): Promise<LoginTally | undefined>;
  put(key: string, tally: LoginTally): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Tallies in memory (one process; for tests of the counting rules only). */
export function memoryTallies(): TallyStore {
  const m = new Map<string, LoginTally>();
  return {
    get: async (k) => m.get(k),
    put: async (k, t) => void m.set(k, t),
    delete: async (k) => void m.delete(k),
  };
}

/**
 * Failed-login counter per account and per address, kept in the database so that a restart does
 * not lift a lock-out. A locked key answers 429 even for the right password, so guessing gains nothing.
 */
export class LoginLimiter {
  constructor(
    private readonly tallies: TallyStore,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws `rate_limited` (with `retryAfterSeconds`) when the account or the address is locked. */
  async check(account: string, address: string): Promise<void> {
    const t = this.now();
    for (const key of [`a:${account}`, `ip:${address}`]) {
      const until = (await this.tallies.get(key))?.lockedUntil ?? 0;
      if (until > t) {
        const wait = Math.ceil((until - t) / 1000);
        throw new WaylineError("rate_limited", `too many failed logins; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        });
      }
    }
  }

  /** Records a failure; locks the key that reached its limit. */
  async fail(account: string, address: string): Promise<void> {
    await this.bump(`a:${account}`, this.limits.perAccount);
    await this.bump(`ip:${address}`, this.limits.perAddress);
  }

  /** A successful login clears the account's failures (not the address's). */
  async succeed(account: string): Promise<void> {
    await this.tallies.delete(`a:${account}`);
  }

  private async bump(key: string, limit: number): Promise<void> {
    const t = this.now();
    const tally = (await this.tallies.get(key)) ?? { failures: [], lockedUntil: 0 };
    tally.failures = tally.failures.filter((at) => at > t - this.limits.windowMs);
    tally.failures.push(t);
    if (tally.failures.length >= limit) {
      tally.lockedUntil = t + this.limits.windowMs;
      tally.failures = [];
    }
    await this.tallies.put(key, tally);
  }
}
