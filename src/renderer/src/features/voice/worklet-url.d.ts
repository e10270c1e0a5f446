/** Vite's `?url&no-inline` import: the emitted file's URL. */
declare module '*?url&no-inline' {
  const url: string;
  export default url;
}
