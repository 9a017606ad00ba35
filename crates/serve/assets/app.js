// The tidings dashboard: plain DOM and hand-made SVG, no framework, nothing fetched from elsewhere.
"use strict";
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const QUAD = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function say(text) { $("message").textContent = text || ""; }

// The code typed or picked: "CHN — China" gives CHN; a bare name is looked up.
async function codeOf(input) {
  const v = input.value.trim();
  const m = v.match(/^([A-Za-z0-9]+)(\s|$)/);
  if (m && /^[A-Z0-9]+$/.test(m[1])) return m[1];
  const found = await api("/api/actors?q=" + encodeURIComponent(v) + "&limit=1");
  if (found.actors.length) return found.actors[0].code;
  if (found.codes.length) return found.codes[0].code;
  throw new Error("no actor matches \"" + v + "\"");
}

function autocomplete(input, list) {
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const r = await api("/api/actors?q=" + encodeURIComponent(q) + "&limit=10");
        list.replaceChildren(
          ...r.actors.map((a) => el("option", { value: a.code + " — " + a.name })),
          ...r.codes.map((c) => el("option", { value: c.code + " — " + c.name + " (" + c.events + " events)" })));
      } catch (e) { /* typing goes on; errors show on Show */ }
    }, 150);
  });
}

// Two panels sharing a time axis: mean Goldstein per direction (lines with clickable points) and
// QuadClass counts per direction (stacked bars, first actor's left of the second's).
function drawChart(data) {
  const pts = data.points;
  const W = 1000, H = 420, L = 50, R = 20, T = 20, mid = 230, B = 400;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", id: "chart-svg" });
  if (!pts.length) { $("chart").replaceChildren(); say("No events between " + data.a + " and " + data.b + "."); return; }
  const t = (p) => Date.parse(p.start);
  const t0 = t(pts[0]), t1 = Math.max(t(pts[pts.length - 1]), t0 + 1);
  const x = (p) => L + (W - L - R) * (pts.length === 1 ? 0.5 : (t(p) - t0) / (t1 - t0));
  const y = (g) => T + (mid - T) * (10 - g) / 20;
  for (const g of [-10, -5, 0, 5, 10]) {
    svg.append(el("svg:line", { x1: L, x2: W - R, y1: y(g), y2: y(g), class: g === 0 ? "axis" : "grid" }));
    svg.append(el("svg:text", { x: L - 6, y: y(g) + 4, "text-anchor": "end" }, String(g)));
  }
  svg.append(el("svg:text", { x: L, y: 12 }, "mean Goldstein (−10 conflict … +10 cooperation)"));
  const maxCount = Math.max(1, ...pts.map((p) => Math.max(p.ab.events, p.ba.events)));
  const yc = (n) => B - (B - mid - 30) * n / maxCount;
  svg.append(el("svg:line", { x1: L, x2: W - R, y1: B, y2: B, class: "axis" }));
  svg.append(el("svg:text", { x: L, y: mid + 22 }, "events by QuadClass (max " + maxCount + ")"));
  const bw = Math.max(2, Math.min(14, (W - L - R) / pts.length / 2.5));
  const dirs = [["ab", "dir-ab", data.a + " → " + data.b], ["ba", "dir-ba", data.b + " → " + data.a]];
  dirs.forEach(([key, cls, label], i) => {
    const withEvents = pts.filter((p) => p[key].events > 0);
    const path = withEvents.map((p, j) => (j ? "L" : "M") + x(p).toFixed(1) + "," + y(p[key].goldstein_mean).toFixed(1)).join(" ");
    if (path) svg.append(el("svg:path", { d: path, class: cls }));
    for (const p of withEvents) {
      const c = el("svg:circle", { cx: x(p), cy: y(p[key].goldstein_mean), r: 5, class: "point " + cls,
        "data-start": p.start, "data-end": p.end, "data-period": p.period, "data-events": p[key].events });
      c.append(el("svg:title", {}, `${label}, ${p.period}: ${p[key].events} events, mean Goldstein ${p[key].goldstein_mean}`));
      c.addEventListener("click", () => listEvents(data, p));
      svg.append(c);
      let base = B;
      p[key].by_quad.forEach((n, q) => {
        if (!n) return;
        const h = B - yc(n);
        svg.append(el("svg:rect", { x: x(p) + (i ? 1 : -bw - 1), y: base - h, width: bw, height: h, class: "q" + (q + 1) },
          el("svg:title", {}, `${label}, ${p.period}: ${n} ${QUAD[q]}`)));
        base -= h;
      });
    }
    svg.append(el("svg:text", { x: W - R - 160, y: 14 + 14 * i, class: cls }, "● " + label));
  });
  // Points above every line, so each can be clicked.
  for (const c of svg.querySelectorAll("circle.point")) svg.append(c);
  svg.append(el("svg:text", { x: L, y: H - 2 }, pts[0].period));
  svg.append(el("svg:text", { x: W - R, y: H - 2, "text-anchor": "end" }, pts[pts.length - 1].period));
  $("chart").replaceChildren(svg);
  say("");
}

function highlight(sentence, at, words) {
  const span = el("span", { class: "evidence" });
  if (at == null || !words || sentence.substr(at, words.length) !== words) { span.append(sentence); return span; }
  span.append(sentence.slice(0, at), el("mark", {}, words), sentence.slice(at + words.length));
  return span;
}

async function listEvents(data, p) {
  $("events-title").textContent = `Events ${data.a} ⇄ ${data.b}, ${p.period}`;
  const list = $("events");
  list.replaceChildren(el("li", {}, "Loading…"));
  try {
    const r = await api(`/api/events?a=${data.a}&b=${data.b}&both=true&from=${p.start}&to=${p.end}&limit=200`);
    list.replaceChildren(...r.events.map((e) => {
      const why = el("button", { class: "why", type: "button" }, "why?");
      why.addEventListener("click", () => showEvent(e.id));
      return el("li", { "data-id": e.id },
        el("div", { class: "meta" }, `${e.date} · ${e.actor1_name} (${e.actor1_code}) → ${e.actor2_name} (${e.actor2_code}) · CAMEO ${e.event_code} · Goldstein ${e.goldstein} · ${e.num_mentions} mention(s) `, why),
        el("div", { class: "evidence" }, e.evidence),
        el("a", { href: e.source_url, rel: "noopener noreferrer", target: "_blank" }, e.source_url));
    }));
    if (r.next_cursor) list.append(el("li", { class: "meta" }, "… more events in this period; narrow the period to see them."));
  } catch (err) { list.replaceChildren(el("li", {}, err.message)); }
}

async function showEvent(id) {
  const box = $("explain");
  $("detail").hidden = false;
  try {
    const r = await api("/api/events/" + id);
    const x = r.explain, e = r.event;
    const dictWords = (a) => a.dictionary ? ` — dictionary: ${a.dictionary.name}` + a.dictionary.roles.map((ro) => ` (${ro.role || "role"} ${ro.from || ""}–${ro.to || ""}, ${ro.origin})`).join("") : " — not in the built-in dictionaries";
    box.replaceChildren(
      el("p", {}, `CAMEO ${x.code} “${x.code_name || "?"}” (root ${x.root} “${x.root_name || "?"}”), Goldstein ${x.goldstein}, QuadClass ${x.quad_class} ${x.quad_class_name || ""}, PLOVER ${x.plover_event || "-"}${x.plover_mode ? " / " + x.plover_mode : ""}.`),
      el("p", {}, `Source actor: ${x.actor1.words} → ${x.actor1.code}${dictWords(x.actor1)}`),
      el("p", {}, `Target actor: ${x.actor2.words} → ${x.actor2.code}${dictWords(x.actor2)}`),
      el("ol", {}, ...r.mentions.map((m, i) => el("li", {},
        highlight(m.sentence, x.evidence[i].actor1_at, e.actor1_name), " ",
        el("span", { class: "meta" }, `${m.source_name}${x.evidence[i].headline_or_lead ? " · headline/lead" : ""} `),
        m.url ? el("a", { href: m.url, rel: "noopener noreferrer", target: "_blank" }, m.url) : m.input_id))),
      el("p", { class: "meta" }, x.note));
    $("detail").scrollIntoView({ behavior: "smooth" });
  } catch (err) { box.replaceChildren(el("p", {}, err.message)); }
}

async function showDyad(ev) {
  if (ev) ev.preventDefault();
  try {
    const a = await codeOf($("actor-a")), b = await codeOf($("actor-b"));
    const data = await api(`/api/dyad?a=${a}&b=${b}&period=${$("period").value}`);
    drawChart(data);
    drawMap(`a=${a}&b=${b}&both=true`);
  } catch (err) { say(err.message); }
}

async function drawMap(filter) {
  const W = 720, H = 360, x = (lon) => (lon + 180) * W / 360, y = (lat) => (90 - lat) * H / 180;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", id: "map-svg" });
  svg.append(el("svg:rect", { x: 0, y: 0, width: W, height: H, fill: "#f7fafc" }));
  for (let lon = -180; lon <= 180; lon += 30) svg.append(el("svg:line", { x1: x(lon), x2: x(lon), y1: 0, y2: H, class: "grid" }));
  for (let lat = -90; lat <= 90; lat += 30) svg.append(el("svg:line", { x1: 0, x2: W, y1: y(lat), y2: y(lat), class: lat ? "grid" : "axis" }));
  try {
    const r = await api("/api/places" + (filter ? "?" + filter : ""));
    const max = Math.max(1, ...r.places.map((p) => p.events));
    for (const p of r.places) {
      svg.append(el("svg:circle", { cx: x(p.long), cy: y(p.lat), r: 2 + 8 * Math.sqrt(p.events / max), class: "place" },
        el("svg:title", {}, `${p.name}: ${p.events} events`)));
    }
    if (!r.places.length) svg.append(el("svg:text", { x: 10, y: 20 }, "No events with a place."));
  } catch (err) { svg.append(el("svg:text", { x: 10, y: 20 }, err.message)); }
  $("map").replaceChildren(svg);
}

async function start() {
  autocomplete($("actor-a"), $("actors-a"));
  autocomplete($("actor-b"), $("actors-b"));
  $("dyad-form").addEventListener("submit", showDyad);
  try {
    const s = await api("/api/stats");
    $("stats").textContent = `${s.events} events from ${s.articles} articles, ${s.first_day || "?"} to ${s.last_day || "?"}`;
    const top = await api("/api/dyads/top?limit=15");
    $("top-dyads").tBodies[0].replaceChildren(...top.dyads.map((d) => {
      const row = el("tr", {}, el("td", {}, `${d.actor1_name} (${d.actor1_code})`), el("td", {}, `${d.actor2_name} (${d.actor2_code})`),
        el("td", {}, String(d.events)), el("td", {}, String(d.goldstein_mean)));
      row.addEventListener("click", () => { $("actor-a").value = d.actor1_code; $("actor-b").value = d.actor2_code; showDyad(); });
      return row;
    }));
  } catch (err) { say(err.message); }
  drawMap("");
}
start();
