import { navigate } from "../router.ts";

/** The "← Wayline" link of every page's top bar: back to the home page without a reload (narrow bars may hide the name). */
export function HomeLink() {
  return (
    <a
      href="/"
      className="brand"
      onClick={(e) => {
        e.preventDefault();
        navigate("/");
      }}
    >
      ← <span className="brand-name">Wayline</span>
    </a>
  );
}
