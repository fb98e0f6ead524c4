import { Moon, Sun, SunMoon } from "lucide-react";
import { useTheme } from "../theme.ts";

const LABEL = { system: "Theme: system", dark: "Theme: dark", light: "Theme: light" } as const;

/** Cycles the colour theme system → dark → light. */
export function ThemeButton() {
  const [theme, next] = useTheme();
  return (
    <button type="button" className="btn ghost" onClick={next} title="Switch colour theme">
      {theme === "dark" ? (
        <Moon size={16} aria-hidden="true" />
      ) : theme === "light" ? (
        <Sun size={16} aria-hidden="true" />
      ) : (
        <SunMoon size={16} aria-hidden="true" />
      )}{" "}
      <span className="sr-only">{LABEL[theme]}</span>
    </button>
  );
}
