import { useTheme } from "../theme.ts";

const LABEL = { system: "Theme: system", dark: "Theme: dark", light: "Theme: light" } as const;

/** Cycles the colour theme system → dark → light. */
export function ThemeButton() {
  const [theme, next] = useTheme();
  return (
    <button type="button" className="btn ghost" onClick={next} title="Switch colour theme">
      {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"} <span className="sr-only">{LABEL[theme]}</span>
    </button>
  );
}
