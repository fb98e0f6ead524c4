import type { Channel } from "../domain/index.ts";

/** Label of each channel (its SVG icon is CHANNEL_SVG_ICONS in picture-icons.tsx; never system emoji). */
export const CHANNEL_ICONS: Record<Channel, { label: string }> = {
  web: { label: "Web" },
  mobile_app: { label: "Mobile app" },
  email: { label: "Email" },
  phone: { label: "Phone" },
  chat: { label: "Chat / messenger" },
  social: { label: "Social" },
  in_store: { label: "In store" },
  post: { label: "Post" },
  ads: { label: "Ads" },
  review_sites: { label: "Review sites" },
  word_of_mouth: { label: "Word of mouth" },
  sms: { label: "SMS" },
  video: { label: "Video" },
  kiosk: { label: "Kiosk" },
  other: { label: "Other" },
};
