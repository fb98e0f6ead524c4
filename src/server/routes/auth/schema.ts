import { z } from "zod";
import { text } from "../../../domain/model/text.ts";
import { NewPasswordSchema } from "../../accounts/passwords.ts";

/** E-mail address of an account. */
const Email = text().trim().toLowerCase().max(254).pipe(z.email());

/** Body of `POST /api/auth/login`. */
export const LoginSchema = z.strictObject({
  email: text().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

/** Body of `POST /api/auth/setup`: the first owner. */
export const SetupSchema = z.strictObject({
  email: Email,
  /** Display name; defaults to the part of the e-mail before @. */
  name: text().trim().min(1).max(120).optional(),
  password: NewPasswordSchema,
});

/** Body of `POST /api/auth/password`. */
export const PasswordChangeSchema = z.strictObject({
  current: z.string().min(1).max(200),
  next: NewPasswordSchema,
});

/** Body of `POST /api/auth/reset-links`. */
export const ResetLinkSchema = z.strictObject({
  email: Email,
  /** Hours the link stays valid (default 24, at most a week). */
  hours: z.number().int().min(1).max(168).default(24),
});

/** Body of `POST /api/auth/reset`. */
export const ResetSchema = z.strictObject({
  token: text().min(10).max(200),
  password: NewPasswordSchema,
});
