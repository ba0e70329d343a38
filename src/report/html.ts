// HTML built as values, not concatenated text: `h(tag, attrs, ...children)` escapes every string child
// and attribute value, so a user string (a kernel, loop or file name) can never become markup. Only
// `raw` (for the page's own constant CSS, script and SVG path data) bypasses escaping.

/** Markup that is safe to insert as is. */
export interface Html {
  readonly html: string;
}

export type Child = string | number | Html | undefined | false | readonly Child[];

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Constant markup written by the report itself (never a user string). */
export const raw = (html: string): Html => ({ html });

function render(c: Child): string {
  if (c === undefined || c === false) return "";
  if (typeof c === "string") return escapeHtml(c);
  if (typeof c === "number") return String(c);
  if (Array.isArray(c)) return c.map(render).join("");
  return (c as Html).html;
}

export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** An element; attributes with value false or undefined are left out, true writes the bare name. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): Html {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
    .join("");
  return raw(`<${tag}${a}>${render(children)}</${tag}>`);
}

export const fragment = (...children: Child[]): Html => raw(render(children));

/** Thousands separators, as the csynth-shaped text summary prints numbers. */
export const num = (x: number): string => x.toLocaleString("en-US");
