import { z } from "zod";

/**
 * Text from outside (form fields, action arguments, search params) before it is trusted. Pure.
 *
 * Control characters are removed where text comes in: PostgreSQL refuses NUL in a text value (a
 * NUL typed into a form would fail the statement and the request), and none of the others means
 * anything in a name, a code or a search. Multi-line texts keep their line breaks and tabs.
 */

/** C0 control characters and DEL: nothing a single-line field may hold. */
const SINGLE_LINE_CONTROLS = /[\u0000-\u001f\u007f]/g;
/** The same but line feed, carriage return and tab, which a multi-line text keeps. */
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The value without control characters (line breaks and tabs kept when `multiline`). */
export function stripControlCharacters(value: string, options: { multiline?: boolean } = {}): string {
  return value.replace(options.multiline ? MULTI_LINE_CONTROLS : SINGLE_LINE_CONTROLS, "");
}

/** True when a value holds a control character that no single-line input has. */
export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/**
 * The zod string every single-line input starts from: control characters removed first.
 * `params` as z.string's (`{ error: "required" }`: the message of its issues that name none).
 */
export function cleanString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite((value) => stripControlCharacters(value));
}

/** The zod string of a multi-line input (descriptions, terms, messages): line breaks and tabs kept. `error` as for cleanString. */
export function cleanMultilineString(params?: { error: string }) {
  return z.string(params).overwrite((value) => stripControlCharacters(value, { multiline: true }));
}

/** A LIKE / ILIKE pattern that finds `q` anywhere, its own %, _ and \\ taken literally (list filters). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
