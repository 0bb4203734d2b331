// dyad web UI: reads the JSON API and draws the timeline, the decade chart and the graph.
"use strict";

const KINDS = ["relations.established", "relations.broken", "treaty", "alliance", "visit", "diplomacy", "support", "aid", "trade", "cooperation", "culture", "contact", "request", "concession", "rejection", "dispute", "threat", "sanction", "mobilization", "conflict", "expulsion", "withdrawal", "context"];
const $ = (id) => document.getElementById(id);

function tone(goldstein) {
  return goldstein > 0 ? "cooperation" : goldstein < 0 ? "conflict" : "neutral";
}

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function query() {
  const params = new URLSearchParams();
  for (const id of ["pair", "from", "to", "q"]) {
    const value = $(id).value.trim();
    if (value) params.set(id, value);
  }
  const kinds = [...document.querySelectorAll("#kinds input:checked")].map((i) => i.value);
  if (kinds.length && kinds.length < KINDS.length) params.set("kind", kinds.join(","));
  params.set("limit", "500");
  return params;
}

function highlight(sentence, span, trigger) {
  // The trigger span is in document bytes; find the trigger words in the sentence instead.
  const at = trigger ? sentence.indexOf(trigger) : -1;
  if (at < 0) return escapeHtml(sentence);
  return escapeHtml(sentence.slice(0, at)) + "<mark>" + escapeHtml(trigger) + "</mark>" + escapeHtml(sentence.slice(at + trigger.length));
}

function renderTimeline(events) {
  const list = $("timeline");
  list.innerHTML = "";
  $("count").textContent = `(${events.length})`;
  for (const e of events) {
    const item = document.createElement("li");
    item.className = "event";
    item.tabIndex = 0;
    item.dataset.id = e.id;
    item.setAttribute("role", "button");
    item.setAttribute("aria-label", `${e.kind} ${e.actors.join(" and ")} ${e.when || "undated"}`);
    const inherited = e.when_source !== "sentence";
    item.innerHTML = `<span class="when ${inherited ? "inherited" : ""}" title="date from ${escapeHtml(e.when_source)}">${escapeHtml(e.when || (e.frame ? `§${e.frame}` : "–"))}</span>
      <span class="kind ${tone(e.goldstein)}">${escapeHtml(e.kind)}</span>
      <span><span class="actors">${escapeHtml(e.actors.join(" → "))}</span>${highlight(e.sentence, e.span, e.trigger)}</span>`;
    item.addEventListener("click", () => showEvent(e.id));
    item.addEventListener("keydown", (k) => { if (k.key === "Enter" || k.key === " ") { k.preventDefault(); showEvent(e.id); } });
    list.appendChild(item);
  }
}

function renderChart(events) {
  const decades = new Map();
  for (const e of events) {
    if (e.year_from == null || e.year_from < -5000) continue;
    const d = Math.floor(e.year_from / 10) * 10;
    const row = decades.get(d) || { cooperation: 0, conflict: 0, neutral: 0 };
    row[tone(e.goldstein)] += 1;
    decades.set(d, row);
  }
  const keys = [...decades.keys()].sort((a, b) => a - b);
  const max = Math.max(1, ...keys.map((k) => { const r = decades.get(k); return r.cooperation + r.conflict + r.neutral; }));
  const width = Math.max(320, keys.length * 28 + 40), height = 180, bar = 20;
  let svg = `<svg width="100%" viewBox="0 0 ${width} ${height + 40}" xmlns="http://www.w3.org/2000/svg">`;
  keys.forEach((k, i) => {
    const r = decades.get(k);
    let y = height;
    for (const [name, color] of [["cooperation", "#2b7a3d"], ["neutral", "#6b6b6b"], ["conflict", "#b3261e"]]) {
      const h = (r[name] / max) * (height - 10);
      y -= h;
      if (h > 0) svg += `<rect x="${30 + i * 28}" y="${y}" width="${bar}" height="${h}" fill="${color}"><title>${k}s: ${r[name]} ${name}</title></rect>`;
    }
    svg += `<text x="${30 + i * 28 + bar / 2}" y="${height + 14}" text-anchor="middle" transform="rotate(45 ${30 + i * 28 + bar / 2} ${height + 14})">${k}</text>`;
  });
  svg += `</svg>`;
  $("chart").innerHTML = keys.length ? svg : "<p>No dated events.</p>";
}

function renderGraph(events) {
  const weight = new Map();
  const nodes = new Set();
  for (const e of events) {
    const actors = [...new Set(e.actors)].sort();
    actors.forEach((a) => nodes.add(a));
    for (let i = 0; i < actors.length; i++) for (let j = i + 1; j < actors.length; j++) {
      const key = actors[i] + "|" + actors[j];
      weight.set(key, (weight.get(key) || 0) + 1);
    }
  }
  const list = [...nodes];
  const size = 340, radius = 130, center = size / 2;
  const position = new Map(list.map((n, i) => [n, [center + radius * Math.cos((2 * Math.PI * i) / list.length), center + radius * Math.sin((2 * Math.PI * i) / list.length)]]));
  let svg = `<svg width="100%" viewBox="0 0 ${size} ${size}" xmlns="http://www.w3.org/2000/svg">`;
  for (const [key, w] of weight) {
    const [a, b] = key.split("|");
    const [x1, y1] = position.get(a), [x2, y2] = position.get(b);
    svg += `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#8aa" stroke-width="${Math.min(12, 1 + Math.log2(w + 1) * 2)}"><title>${a}–${b}: ${w} events</title></line>`;
  }
  for (const n of list) {
    const [x, y] = position.get(n);
    svg += `<circle cx="${x}" cy="${y}" r="16" fill="#1a5fb4"></circle><text x="${x}" y="${y + 4}" text-anchor="middle" style="fill:#fff">${escapeHtml(n)}</text>`;
  }
  $("graph").innerHTML = svg + "</svg>";
}

async function showEvent(id) {
  const e = await getJson(`/api/events/${encodeURIComponent(id)}`);
  const evidence = e.evidence.map((ev) => `<blockquote><p>${highlight(ev.sentence, ev.span, ev.trigger)}</p><footer>${escapeHtml(e.doc)} § <a href="#" data-section="${escapeHtml(ev.section)}">${escapeHtml(ev.section || "lead")}</a>, bytes ${ev.span[0]}–${ev.span[1]}</footer></blockquote>`).join("");
  $("detail-body").innerHTML = `<p><span class="kind ${tone(e.goldstein)}">${escapeHtml(e.kind)}</span> <strong>${escapeHtml(e.actors.join(" → "))}</strong> · ${escapeHtml(e.when || "undated")} (date from ${escapeHtml(e.when_source)})</p>
    <p>PLOVER ${escapeHtml(e.plover || "–")} · CAMEO ${escapeHtml(e.cameo || "–")} · Goldstein ${e.goldstein} · place ${escapeHtml(e.place || "–")} · ${escapeHtml(e.polarity)}, ${escapeHtml(e.modality)}</p>${evidence}`;
  $("detail").hidden = false;
  for (const link of document.querySelectorAll("#detail-body a[data-section]")) {
    link.addEventListener("click", (event) => { event.preventDefault(); $("q").value = ""; load(); });
  }
  $("detail").scrollIntoView({ behavior: "smooth" });
  $("detail-title").focus?.();
}

async function load() {
  try {
    const data = await getJson(`/api/events?${query()}`);
    renderTimeline(data.events);
    renderChart(data.events);
    renderGraph(data.events);
  } catch (error) {
    $("timeline").innerHTML = `<li role="alert">${escapeHtml(error.message)}</li>`;
  }
}

async function init() {
  const fieldset = $("kinds");
  for (const kind of KINDS) {
    const label = document.createElement("label");
    label.innerHTML = `<input type="checkbox" value="${kind}" checked> ${kind}`;
    fieldset.appendChild(label);
  }
  try {
    const dyads = await getJson("/api/dyads");
    const wantedPair = new URLSearchParams(location.search).get("pair");
    if (wantedPair && !dyads.dyads.some((d) => d.pair.join("-") === wantedPair)) dyads.dyads.unshift({ pair: wantedPair.split("-"), events: "?" });
    for (const d of dyads.dyads.slice(0, 60)) {
      const option = document.createElement("option");
      option.value = d.pair.join("-");
      option.textContent = `${d.pair.join("–")} (${d.events})`;
      $("pair").appendChild(option);
    }
  } catch (_) { /* the timeline still loads */ }
  // Filters can come in the page's address (shareable links): ?pair=ITA-JPN&kind=alliance&from=1900
  const params = new URLSearchParams(location.search);
  for (const id of ["pair", "from", "to", "q"]) {
    if (params.has(id)) $(id).value = params.get(id);
  }
  if (params.has("kind")) {
    const wanted = params.get("kind").split(",");
    document.querySelectorAll("#kinds input").forEach((i) => (i.checked = wanted.includes(i.value)));
  }
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); history.replaceState(null, "", "?" + query()); load(); });
  $("reset").addEventListener("click", () => { $("filters").reset(); document.querySelectorAll("#kinds input").forEach((i) => (i.checked = true)); load(); });
  load();
}

init();
