/** esbuild's `text` loader: a stylesheet imported as its source string. */
declare module '*.css' {
  const text: string;
  export default text;
}
