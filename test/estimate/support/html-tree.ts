// A strict little HTML reader for the report tests: parses the page into an element tree, failing on any
// tag closed out of order or left open (the report writes no void elements but <meta>), and decodes the
// five entities the report's escaping produces, so tests can query elements and read their text.

export interface El {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (El | string)[];
}

const VOID = new Set(["meta", "br", "img", "input", "link", "hr"]);
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export function parseHtml(html: string): El {
  const root: El = { tag: "#root", attrs: {}, children: [] };
  const stack: El[] = [root];
  const body = html.replace(/^<!doctype html>/i, "");
  const re = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const top = stack[stack.length - 1];
    if (m.index > at) top.children.push(decode(body.slice(at, m.index)));
    at = re.lastIndex;
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      if (top.tag !== tag) throw new Error(`</${tag}> closes <${top.tag}> at offset ${m.index}`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]] = decode(a[2] ?? "");
    const el: El = { tag, attrs, children: [] };
    top.children.push(el);
    // Script and style bodies are text up to their end tag.
    if (tag === "script" || tag === "style") {
      const end = body.indexOf(`</${tag}>`, at);
      if (end < 0) throw new Error(`<${tag}> is never closed`);
      el.children.push(body.slice(at, end));
      at = re.lastIndex = end + tag.length + 3;
    } else if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].tag}> is never closed`);
  return root;
}

export function all(el: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (pred(e)) out.push(e);
    for (const c of e.children) if (typeof c !== "string") walk(c);
  };
  walk(el);
  return out;
}

export const byClass = (el: El, cls: string): El[] =>
  all(el, (e) => (e.attrs.class ?? "").split(" ").includes(cls));
export const byId = (el: El, id: string): El | undefined => all(el, (e) => e.attrs.id === id)[0];
export const text = (el: El): string =>
  el.children.map((c) => (typeof c === "string" ? c : text(c))).join("");
