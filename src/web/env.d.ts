/** Vite bundles CSS imported for its side effects. */
declare module "*.css";

/** Vite answers `?url` imports with the URL of the emitted asset. */
declare module "*?url" {
  const url: string;
  export default url;
}
