import {
  Angry,
  Bot,
  Brain,
  Building2,
  ChartColumn,
  ChartNoAxesCombined,
  CircleHelp,
  Footprints,
  Frown,
  Globe,
  Image,
  Laugh,
  LifeBuoy,
  Lightbulb,
  Link,
  ListChecks,
  type LucideIcon,
  Mail,
  Mailbox,
  MapPin,
  Megaphone,
  Meh,
  MessageCircle,
  MessageSquareText,
  Monitor,
  MousePointerClick,
  Phone,
  Server,
  Smartphone,
  Smile,
  Sparkles,
  Star,
  Store,
  Target,
  TriangleAlert,
  User,
  Users,
  Video,
  Zap,
} from "lucide-react";
import type { Channel, LaneType } from "../domain/index.ts";

/** SVG icon (lucide) of each lane type, drawn in lane headers of pictures: never system emoji. */
export const LANE_ICONS: Record<LaneType, LucideIcon> = {
  text: MessageSquareText,
  actions: Footprints,
  questions: CircleHelp,
  thoughts: Brain,
  goals: Target,
  expectations: Sparkles,
  triggers: Zap,
  says: MessageCircle,
  does: Footprints,
  feels: Smile,
  touchpoints: MousePointerClick,
  channels: Globe,
  emotion: Smile,
  pain_points: TriangleAlert,
  ideas: Lightbulb,
  kpis: ChartColumn,
  ownership: Building2,
  frontstage: User,
  backstage: Server,
  support: LifeBuoy,
  handoff: Bot,
  images: Image,
  links: Link,
};

/** SVG icon of each channel. */
export const CHANNEL_SVG_ICONS: Record<Channel, LucideIcon> = {
  web: Globe,
  mobile_app: Smartphone,
  email: Mail,
  phone: Phone,
  chat: MessageCircle,
  social: Users,
  in_store: Store,
  post: Mailbox,
  ads: Megaphone,
  review_sites: Star,
  word_of_mouth: MessageSquareText,
  sms: MessageCircle,
  video: Video,
  kiosk: Monitor,
  other: MapPin,
};

/** A face for a position on the emotion scale (0 = lowest, 1 = highest). */
export function faceIcon(t: number): LucideIcon {
  if (t < 0.2) return Angry;
  if (t < 0.45) return Frown;
  if (t < 0.55) return Meh;
  if (t < 0.85) return Smile;
  return Laugh;
}

/** Icons the picture uses outside lanes. */
export const PICTURE_ICONS = {
  momentOfTruth: Star,
  persona: User,
  done: ListChecks,
  data: ChartNoAxesCombined,
} as const;
