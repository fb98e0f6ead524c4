import { z } from "zod";
import { ChannelSchema } from "./channels.ts";
import { EvidenceLinkSchema } from "./evidence.ts";
import { PersonaIdSchema } from "./ids.ts";
import { text as safeText } from "./text.ts";

const text = (max: number) => safeText().max(max);
const list = z.array(safeText().min(1).max(500)).max(50);

/** A customer profile reused across maps (PRODUCT.md §1). */
export const PersonaSchema = z.strictObject({
  /** Stable id. */
  id: PersonaIdSchema,
  /** Display name, e.g. "Eva Moline". */
  name: safeText().min(1).max(120),
  /** Avatar: photo URL or initials on a colour. */
  avatar: z.strictObject({
    /** 1–3 letters shown when there is no photo. */
    initials: safeText().max(3),
    /** Background colour as #rrggbb. */
    color: safeText().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #3366cc"),
    /** Photo: an uploaded image (`/api/uploads/<id>`), an http(s) or a data:image URL, if any. */
    photoUrl: safeText()
      .max(200_000)
      .regex(
        /^(https?:\/\/|data:image\/|\/api\/uploads\/[A-Za-z0-9_-]{1,64}$)/,
        "must be an uploaded image (/api/uploads/ID), an http(s) or a data:image URL",
      )
      .nullable(),
  }),
  /** Age in years. */
  age: z.number().int().min(0).max(130).nullable(),
  /** Role or occupation, e.g. "Journalist". */
  role: text(200),
  /** Where the persona lives or works. */
  location: text(200),
  /** A quote in the persona's own words. */
  quote: text(1000),
  /** Background story. */
  background: text(5000),
  /** Personal goals. */
  personalGoals: list,
  /** Professional goals. */
  professionalGoals: list,
  /** Needs. */
  needs: list,
  /** Motivations. */
  motivations: list,
  /** Frustrations and pain points. */
  frustrations: list,
  /** Preferred channels. */
  preferredChannels: z.array(ChannelSchema).max(20),
  /** Tech-savviness 1 (avoids technology) … 5 (expert). */
  techSavviness: z.number().int().min(1).max(5).nullable(),
  /** Purchase frequency, e.g. "twice a month". */
  purchaseFrequency: text(200),
  /** What decides a purchase for them. */
  decisionDrivers: list,
  /** Values and psychographics. */
  values: list,
  /** What they use today to reach their goal. */
  currentSolutions: list,
  /** Segment this persona stands for. */
  segment: text(200),
  /** Research this persona is based on. */
  evidence: z.array(EvidenceLinkSchema).max(100),
  /** True when the persona is sample content from a template. */
  isSample: z.boolean(),
  /** Creation time (ISO 8601). */
  createdAt: z.iso.datetime({ offset: true }),
  /** Last change (ISO 8601). */
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Persona = z.infer<typeof PersonaSchema>;

/** Fields a client may set when creating a persona (everything but name is optional). */
export const PersonaInputSchema = PersonaSchema.omit({ id: true, createdAt: true, updatedAt: true })
  .partial()
  .extend({ name: safeText().min(1).max(120), id: PersonaIdSchema.optional() });
export type PersonaInput = z.infer<typeof PersonaInputSchema>;

/** Fields a client may change on a persona. */
export const PersonaPatchSchema = PersonaSchema.omit({
  id: true,
  createdAt: true,
  updatedAt: true,
}).partial();
export type PersonaPatch = z.infer<typeof PersonaPatchSchema>;

const PALETTE = ["#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00"];

/** Initials of a name: first letters of its first two words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

/** Builds a complete persona from partial input. */
export function createPersona(input: PersonaInput, opts: { id: Persona["id"]; now: string }): Persona {
  const colorIndex = [...input.name].reduce((a, c) => a + c.charCodeAt(0), 0) % PALETTE.length;
  return {
    id: opts.id,
    name: input.name,
    avatar: input.avatar ?? {
      initials: initialsOf(input.name),
      color: PALETTE[colorIndex] ?? "#3366cc",
      photoUrl: null,
    },
    age: input.age ?? null,
    role: input.role ?? "",
    location: input.location ?? "",
    quote: input.quote ?? "",
    background: input.background ?? "",
    personalGoals: input.personalGoals ?? [],
    professionalGoals: input.professionalGoals ?? [],
    needs: input.needs ?? [],
    motivations: input.motivations ?? [],
    frustrations: input.frustrations ?? [],
    preferredChannels: input.preferredChannels ?? [],
    techSavviness: input.techSavviness ?? null,
    purchaseFrequency: input.purchaseFrequency ?? "",
    decisionDrivers: input.decisionDrivers ?? [],
    values: input.values ?? [],
    currentSolutions: input.currentSolutions ?? [],
    segment: input.segment ?? "",
    evidence: input.evidence ?? [],
    isSample: input.isSample ?? false,
    createdAt: opts.now,
    updatedAt: opts.now,
  };
}
