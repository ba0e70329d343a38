// The report page around its sections: inline CSS and one inline script (no network, no external
// scripts or fonts). The script highlights a loop's source line on hover and, when it has run, appends
// a `#report-ready` marker counting loop rows, source links that resolve and diagram nodes drawn with a
// size, which the browser test reads.

import { escapeHtml, type Html } from "./html.ts";

const CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.io td{background:#f7f3e8}tr.loop.hl td{background:#e4efff}td.why{max-width:28em;font-size:.9em}
.stats{display:flex;gap:1em;flex-wrap:wrap}.stat{border:1px solid #ddd;padding:.5em .8em;min-width:8em}
.stat b{display:block;font-size:1.3em}.stat small{color:#666}.hint{color:#666;font-size:.9em}
.bar{display:inline-block;width:6em;height:.6em;background:#eee;margin:0 .4em;vertical-align:middle}
.bar span{display:block;height:100%}.bar.lat span{background:#4a7fd4}.bar.res span{background:#d48a4a}
pre.code{background:#fafafa;border:1px solid #ddd;padding:.4em 0;overflow:auto}
.line{white-space:pre;padding:0 .6em}.line:target,.line.hl{background:#fff3b0}
.ln{display:inline-block;width:3em;color:#999;user-select:none}rect.stair{fill:#4a7fd4}
svg.graph{display:block;max-width:100%;height:auto;border:1px solid #eee;margin:.4em 0}
svg.graph line.fifo{stroke:#8aa;stroke-width:1}svg.graph g.proc rect{fill:#e8f0fb;stroke:#4a7fd4}
svg.graph g.proc.slow rect{stroke:#c0392b;stroke-width:2}svg.graph text{font-size:11px;fill:#222}
svg.graph text.ii{fill:#555}svg.graph text.depth{font-size:9px;fill:#688}
`;

const SCRIPT = `
(function () {
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); });
  var rows = document.querySelectorAll("tr.loop");
  var links = document.querySelectorAll("a.src");
  var resolved = 0;
  links.forEach(function (a) { if (document.getElementById("L" + a.getAttribute("data-line"))) resolved++; });
  function mark(row, on) {
    var ln = row.getAttribute("data-line");
    var target = ln && document.getElementById("L" + ln);
    row.classList.toggle("hl", on);
    if (target) target.classList.toggle("hl", on);
  }
  rows.forEach(function (r) {
    r.addEventListener("mouseenter", function () { mark(r, true); });
    r.addEventListener("mouseleave", function () { mark(r, false); });
  });
  var ready = document.createElement("div");
  ready.id = "report-ready";
  ready.hidden = true;
  ready.setAttribute("data-loops", String(rows.length));
  ready.setAttribute("data-links", String(links.length));
  ready.setAttribute("data-resolved", String(resolved));
  var procs = document.querySelectorAll("svg.graph g.proc");
  var drawn = 0;
  procs.forEach(function (g) { var b = g.getBBox(); if (b.width > 0 && b.height > 0) drawn++; });
  ready.setAttribute("data-procs", String(procs.length));
  ready.setAttribute("data-procs-drawn", String(drawn));
  ready.setAttribute("data-errors", String(errors.length));
  document.body.appendChild(ready);
})();
`;

export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.html}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
