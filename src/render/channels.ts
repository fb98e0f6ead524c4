import type { Channel } from "../domain/index.ts";

/** Icon (emoji, readable without an icon font) and label of each channel. */
export const CHANNEL_ICONS: Record<Channel, { icon: string; label: string }> = {
  web: { icon: "🌐", label: "Web" },
  mobile_app: { icon: "📱", label: "Mobile app" },
  email: { icon: "✉️", label: "Email" },
  phone: { icon: "📞", label: "Phone" },
  chat: { icon: "💬", label: "Chat / messenger" },
  social: { icon: "👥", label: "Social" },
  in_store: { icon: "🏬", label: "In store" },
  post: { icon: "📮", label: "Post" },
  ads: { icon: "📣", label: "Ads" },
  review_sites: { icon: "⭐", label: "Review sites" },
  word_of_mouth: { icon: "🗣️", label: "Word of mouth" },
  sms: { icon: "📩", label: "SMS" },
  video: { icon: "🎬", label: "Video" },
  kiosk: { icon: "🖥️", label: "Kiosk" },
  other: { icon: "•", label: "Other" },
};
