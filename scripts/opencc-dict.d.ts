// opencc-js ships its dictionaries as untyped modules, each one `from to|from to|…` string.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
