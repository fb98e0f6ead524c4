import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

/** A new password: 10 to 200 characters (long passphrases welcome; argon2 input stays bounded). */
export const NewPasswordSchema = z.string().min(10, "at least 10 characters").max(200);

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane). */
const OPTIONS = {
  algorithm: 2 as const /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** The argon2id hash (PHC string) of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a password nobody knows: unknown e-mails cost as much as wrong passwords. */
let decoy: Promise<string> | undefined;

/** True when `password` matches `stored`; with no stored hash it still spends the same time. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword("decoy password that matches nothing");
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
