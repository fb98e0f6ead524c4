import type { CardKind } from "../domain/index.ts";

/** Colours of a map picture. */
export interface PictureTheme {
  background: string;
  ink: string;
  muted: string;
  grid: string;
  header: string;
  phase: string;
  accent: string;
  /** Card fill by card kind (a card's own colour wins). */
  card: Record<CardKind, string>;
  /** Text colour on cards. */
  cardInk: string;
  /** Card border. */
  cardEdge: string;
}

/** Light and dark themes (the editor's palette, print-safe contrast). */
export const PICTURE_THEMES: Record<"light" | "dark", PictureTheme> = {
  light: {
    background: "#ffffff",
    ink: "#1f2933",
    muted: "#616e7c",
    grid: "#d9dee5",
    header: "#f3f5f8",
    phase: "#e4ebf7",
    accent: "#2f5fb3",
    card: {
      note: "#fff6c8",
      touchpoint: "#dfeaff",
      channel: "#eef2f7",
      pain: "#fde0de",
      idea: "#dff5e5",
      kpi: "#ece4ff",
      ownership: "#eef0f3",
      blueprint: "#dff2f5",
      handoff: "#ffeed8",
      image: "#f2f2f2",
      link: "#e8ecff",
    },
    cardInk: "#1f2933",
    cardEdge: "#c9d0d9",
  },
  dark: {
    background: "#14181f",
    ink: "#e6e9ee",
    muted: "#9aa5b1",
    grid: "#2c333d",
    header: "#1c222b",
    phase: "#223049",
    accent: "#8fb3ff",
    card: {
      note: "#4a4222",
      touchpoint: "#1f3457",
      channel: "#273040",
      pain: "#552a2a",
      idea: "#1f4630",
      kpi: "#3a2f5a",
      ownership: "#2a3039",
      blueprint: "#1d4048",
      handoff: "#4d3a1f",
      image: "#2b2b2b",
      link: "#2a3160",
    },
    cardInk: "#eef1f5",
    cardEdge: "#3a4350",
  },
};
