import { z } from "zod";

/** Channels a customer meets a service through (icon set of the channels lane). */
export const ChannelSchema = z.enum([
  "web",
  "mobile_app",
  "email",
  "phone",
  "chat",
  "social",
  "in_store",
  "post",
  "ads",
  "review_sites",
  "word_of_mouth",
  "sms",
  "video",
  "kiosk",
  "other",
]);
export type Channel = z.infer<typeof ChannelSchema>;
