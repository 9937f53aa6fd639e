// Python runtime files are bundled as text (esbuild's text loader; a Vite plugin in tests).
declare module '*.py' {
  const text: string;
  export default text;
}
