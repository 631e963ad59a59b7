// unicode-name ships plain ESM without types; only what unicode-safety.ts calls is declared.
declare module 'unicode-name' {
  /** The character's name, alias or label (e.g. "RIGHT-TO-LEFT OVERRIDE"); undefined for an unassigned code point. */
  export function unicodeName(char: string): string | undefined;
}
