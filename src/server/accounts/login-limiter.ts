import { WaylineError } from "../../domain/index.ts";

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

interface Tally {
  failures: number[];
  lockedUntil: number;
}

/**
 * Failed-login counter per account and per address (in memory: one server process; a restart
 * forgets it). A locked key answers 429 even for the right password, so guessing gains nothing.
 */
export class LoginLimiter {
  private readonly tallies = new Map<string, Tally>();
  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws `rate_limited` (with `retryAfterSeconds`) when the account or the address is locked. */
  check(account: string, address: string): void {
    const t = this.now();
    for (const key of [`a:${account}`, `ip:${address}`]) {
      const until = this.tallies.get(key)?.lockedUntil ?? 0;
      if (until > t) {
        const wait = Math.ceil((until - t) / 1000);
        throw new WaylineError("rate_limited", `too many failed logins; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        });
      }
    }
  }

  /** Records a failure; locks the key that reached its limit. */
  fail(account: string, address: string): void {
    this.bump(`a:${account}`, this.limits.perAccount);
    this.bump(`ip:${address}`, this.limits.perAddress);
  }

  /** A successful login clears the account's failures (not the address's). */
  succeed(account: string): void {
    this.tallies.delete(`a:${account}`);
  }

  private bump(key: string, limit: number): void {
    const t = this.now();
    const tally = this.tallies.get(key) ?? { failures: [], lockedUntil: 0 };
    tally.failures = tally.failures.filter((at) => at > t - this.limits.windowMs);
    tally.failures.push(t);
    if (tally.failures.length >= limit) {
      tally.lockedUntil = t + this.limits.windowMs;
      tally.failures = [];
    }
    this.tallies.set(key, tally);
  }
}
