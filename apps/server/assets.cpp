// The live page and the OpenAPI file, compiled in. The page builds every element with
// textContent (never innerHTML), so no text of a stream is ever read as markup; the server
// sends it with a Content-Security-Policy that allows only its own script and style.
#include "assets.hpp"

namespace sitrep::server {
namespace {

constexpr std::string_view kIndex = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sitrep: live situation report</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1>sitrep</h1>
  <label>Stream <select id="stream"></select></label>
  <span id="status" class="status">connecting…</span>
</header>
<main>
  <section id="head"><h2 id="title">Situation report</h2><p id="meta" class="meta"></p></section>
  <section><h3>What happened</h3><ol id="headline" class="sentences"></ol></section>
  <section id="new-box" hidden><h3>New since you opened this page</h3><ul id="new" class="new"></ul></section>
  <section hidden><h3>Key figures</h3><div id="figures"></div></section>
  <section hidden><h3>Unconfirmed and disputed</h3><ul id="unconfirmed"></ul></section>
  <section hidden><h3>Who said what</h3><ul id="said"></ul></section>
  <section hidden><h3>Involved</h3><p id="involved"></p></section>
  <section><h3>Timeline</h3><ol id="timeline" class="timeline"></ol></section>
  <section><h3>Stories</h3><ul id="stories"></ul></section>
  <section><h3>Sources</h3><p id="sources"></p></section>
  <section class="post">
    <h3>Post an update</h3>
    <form id="post">
      <input id="source" placeholder="source (optional)" autocomplete="off">
      <textarea id="text" rows="3" placeholder="text of the update" required></textarea>
      <input id="token" type="password" placeholder="token" autocomplete="off">
      <button type="submit">Post</button> <span id="post-status" class="status"></span>
    </form>
  </section>
</main>
</body>
</html>
)html";

constexpr std::string_view kCss = R"css(
:root { --fg: #1b1b1b; --muted: #5f6368; --line: #ddd; --new: #fff5c2; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line);
  display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem 1rem; }
header h1 { font-size: 1.1rem; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 0 1rem 3rem; }
section { border-bottom: 1px solid var(--line); padding: .5rem 0; }
h2 { font-size: 1.3rem; margin: .5rem 0 .2rem; }
h3 { font-size: .85rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: .4rem 0; }
.meta, .cite, .status { color: var(--muted); font-size: .85rem; }
.sentences li, .new li, .timeline li { margin: .25rem 0; }
.fresh { background: var(--new); }
[hidden] { display: none !important; }
.timeline strong { font-variant-numeric: tabular-nums; margin-right: .3rem; }
.figure { display: grid; grid-template-columns: minmax(8rem, 16rem) minmax(5rem, 10rem) 120px 1fr; align-items: center;
  gap: .2rem .75rem; margin: .3rem 0; }
.figure .cat { font-weight: 600; }
.timeline { list-style: none; padding-left: 0; }
.figure svg { width: 120px; height: 28px; }
.figure svg polyline { fill: none; stroke: var(--accent); stroke-width: 2; }
.post form { display: grid; gap: .4rem; }
.post textarea, .post input, select, button { font: inherit; padding: .35rem; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .4rem 1rem; }
@media (max-width: 40rem) { body { font-size: 15px; }
  .figure { grid-template-columns: 1fr 120px; } .figure .cat, .figure .cite { grid-column: 1 / -1; } }
)css";

constexpr std::string_view kJs = R"js('use strict';
// The live page: every text is put in with textContent, never parsed as HTML.
(function () {
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); };
  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
  // A section whose list is empty is left out of the page.
  const showIf = (node) => { node.closest('section').hidden = !node.firstChild; };
  const token = () => $('token').value || sessionStorage.getItem('sitrep-token') || '';
  let stream = decodeURIComponent(location.hash.slice(1));
  let source = null;
  let openedAt = null;        // stream position when the page first saw the stream
  const newIds = new Set();

  function api(path, init) {
    init = init || {};
    init.headers = init.headers || {};
    if (token()) init.headers['Authorization'] = 'Bearer ' + token();
    return fetch(path, init).then((r) => r.json().then((j) => {
      if (!r.ok) throw new Error((j.error && j.error.message) || r.statusText);
      return j;
    }));
  }
  const base = () => '/v1/streams/' + encodeURIComponent(stream);

  function loadStreams() {
    return api('/v1/streams').then((j) => {
      const sel = $('stream');
      clear(sel);
      for (const s of j.streams) sel.appendChild(el('option', s.name + ' (' + s.updates + ')'))
        .value = s.name;
      if (!stream && j.streams.length) stream = j.streams[0].name;
      sel.value = stream;
    }).catch((e) => { $('status').textContent = e.message; });
  }

  function cite(s) {
    const parts = [];
    if (s.source) parts.push(s.source);
    if (s.time) parts.push(s.time);
    if (s.reported && s.reported.updates > 1) {
      parts.push(s.reported.sources.length > 1 ? 'reported by ' + s.reported.sources.length +
        ' sources: ' + s.reported.sources.join(', ') : 'reported in ' + s.reported.updates + ' updates');
    }
    return parts.length ? ' (' + parts.join(' · ') + ')' : '';
  }

  function showReport(r, position) {
    const story = r.stories && r.stories.find((s) => s.id === r.story);
    $('title').textContent = 'Situation report · ' + (story ? story.label : stream);
    const span = r.time_span || {};
    const named = r.sources.filter((s) => s.source && s.source !== '(unknown)');
    $('meta').textContent = plural(r.updates, 'update') +
      (r.updates !== position ? ' in this story' : '') + ' · ' +
      (named.length ? plural(named.length, 'source') : 'no source named') +
      (span.first ? ' · ' + span.first + ' – ' + span.last : '') + ' · as of update ' + position;
    const ol = $('headline');
    clear(ol);
    for (const s of r.headline) {
      const li = el('li', s.text, newIds.has(s.update_id) ? 'fresh' : '');
      li.appendChild(el('span', cite(s), 'cite'));
      ol.appendChild(li);
    }
    $('sources').textContent = named.map((s) => s.source + ' (' + s.updates + ')').join(' · ') ||
      'No source is named in these updates.';
  }

  function spark(values) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 120 28');
    const lo = Math.min(...values), hi = Math.max(...values);
    const pts = values.map((v, i) => {
      const x = values.length === 1 ? 60 : 4 + i * 112 / (values.length - 1);
      const y = hi === lo ? 14 : 24 - (v - lo) * 20 / (hi - lo);
      return x.toFixed(1) + ',' + y.toFixed(1);
    });
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', pts.length === 1 ? pts[0] + ' ' + pts[0] : pts.join(' '));
    svg.appendChild(line);
    return svg;
  }

  // The first number of a value as the report writes it ("130", "about 300", "50-60"), for the
  // chart; NaN for a vague one ("dozens").
  const numberOf = (v) => { const m = /[0-9][0-9,]*(\.[0-9]+)?/.exec(v || ''); return m ? Number(m[0].replace(/,/g, '')) : NaN; };

  // The report's own facts sections (report::add_facts): key figures with their history,
  // claims and their status, attributed statements, who is involved.
  function showFacts(r) {
    const box = $('figures');
    clear(box);
    for (const k of r.key_figures || []) {
      const row = el('div', null, 'figure');
      row.appendChild(el('span', k.label, 'cat'));
      const recent = k.history.slice(-8);
      const values = recent.map((h) => h.value + (h.conflict ? ' (disputed)' : ''));
      row.appendChild(el('span', (k.history.length > recent.length ? '… ' : '') + values.join(' → ')));
      const numbers = recent.map((h) => numberOf(h.value)).filter((v) => !Number.isNaN(v));
      row.appendChild(numbers.length ? spark(numbers) : el('span'));
      const last = k.history[k.history.length - 1];
      row.appendChild(el('span', [last.source, last.time || last.id].filter(Boolean).join(' · '), 'cite'));
      box.appendChild(row);
    }
    const mark = { unverified: '? ', denied: '✗ ', confirmed: '✓ ' };
    const un = $('unconfirmed');
    clear(un);
    for (const c of r.unconfirmed || []) {
      const li = el('li', (mark[c.status] || '') + c.text);
      const parts = [c.status + (c.cue ? ': “' + c.cue + '”' : ''), c.source, c.time || c.id];
      for (const ch of c.changes || []) parts.push(ch.status + ' by ' + (ch.source || ch.time || ch.id));
      li.appendChild(el('span', ' (' + parts.filter(Boolean).join(' · ') + ')', 'cite'));
      un.appendChild(li);
    }
    const said = $('said');
    clear(said);
    for (const w of r.who_said_what || []) {
      const li = el('li');
      li.appendChild(el('strong', w.speaker + ': '));
      li.appendChild(document.createTextNode(w.text));
      li.appendChild(el('span', ' (' + [w.cue, w.time || w.id].filter(Boolean).join(' · ') + ')', 'cite'));
      said.appendChild(li);
    }
    const kinds = new Map();
    for (const e of r.involved || []) {
      if (!kinds.has(e.type)) kinds.set(e.type, []);
      kinds.get(e.type).push(e.name);
    }
    const names = { person: 'people', organization: 'organizations', place: 'places' };
    $('involved').textContent = [...kinds].map(([t, n]) => (names[t] || t) + ': ' + n.join(', ')).join(' · ');
    showIf(box);
    showIf(un);
    showIf(said);
    showIf($('involved'));
  }

  function showTimeline(t) {
    const ol = $('timeline');
    clear(ol);
    for (const k of t.slice(-30)) {
      const li = el('li', null, newIds.has(k.id) ? 'fresh' : '');
      li.appendChild(el('strong', (k.time || '#' + k.position) + ' '));
      li.appendChild(document.createTextNode(k.text));
      if (k.sources.length) li.appendChild(el('span', ' (' + k.sources.join(', ') + ')', 'cite'));
      ol.appendChild(li);
    }
  }

  function showStories(list) {
    const ul = $('stories');
    clear(ul);
    for (const s of list) ul.appendChild(el('li', 'Story ' + s.id + ': ' + s.label + ' (' +
      plural(s.updates, 'update') + ', ' + plural(s.sources, 'source') + ')'));
  }

  function showNew(position) {
    if (openedAt === null) { openedAt = position; return Promise.resolve(); }
    if (position <= openedAt) return Promise.resolve();
    const from = Math.max(openedAt, position - 50);
    return api(base() + '/updates?after=' + from + '&limit=50').then((j) => {
      const ul = $('new');
      clear(ul);
      for (const u of j.updates.slice().reverse()) {
        newIds.add(u.id);
        ul.appendChild(el('li', u.text + (u.source ? ' (' + u.source + ')' : ''), 'fresh'));
      }
      showIf(ul);
    });
  }

  function onReport(ev) {
    const position = Number(ev.lastEventId);
    const r = JSON.parse(ev.data);
    $('status').textContent = 'live · ' + new Date().toLocaleTimeString();
    showNew(position).then(() => showReport(r, position)).catch(() => showReport(r, position));
    showFacts(r);
    api(base() + '/timeline').then((j) => showTimeline(j.timeline)).catch(() => {});
    api(base() + '/stories').then((j) => showStories(j.stories)).catch(() => {});
  }

  function connect() {
    if (source) source.close();
    openedAt = null;
    newIds.clear();
    clear($('new'));
    showIf($('new'));
    if (!stream) { $('status').textContent = 'no stream yet: post an update'; return; }
    location.hash = encodeURIComponent(stream);
    const q = token() ? '?token=' + encodeURIComponent(token()) : '';
    source = new EventSource(base() + '/events' + q);
    source.addEventListener('report', onReport);
    source.onerror = () => { $('status').textContent = 'reconnecting…'; };
  }

  $('stream').addEventListener('change', (e) => { stream = e.target.value; connect(); });
  $('token').addEventListener('change', () => sessionStorage.setItem('sitrep-token', $('token').value));
  $('post').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = stream || 'main';
    const rec = { text: $('text').value, time: new Date().toISOString() };
    if ($('source').value) rec.source = $('source').value;
    api('/v1/streams/' + encodeURIComponent(name) + '/updates', {
      method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' },
      body: JSON.stringify(rec) + '\n'
    }).then((j) => {
      $('post-status').textContent = 'posted at position ' + j.first;
      $('text').value = '';
      if (!stream) { stream = name; loadStreams().then(connect); }
    }).catch((err) => { $('post-status').textContent = err.message; });
  });
  loadStreams().then(connect);
})();
)js";

constexpr std::string_view kOpenApi = R"json({
  "openapi": "3.0.3",
  "info": {"title": "sitrep", "version": "1",
    "description": "Situation reports from live streams of news updates. Writes need 'Authorization: Bearer <token>'; reads are open on loopback, else need the token too (or ?token= for EventSource). Every GET also answers HEAD (the same header, no body). Errors are {\"error\": {\"code\", \"message\"}}."},
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "line": {"type": "integer"}}}}},
      "Record": {"type": "object", "required": ["text"], "properties": {"id": {"type": "string"},
        "time": {"type": "string", "description": "ISO-8601"}, "source": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"}}}
    },
    "parameters": {"name": {"name": "name", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$"}}},
    "responses": {"Error": {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
  },
  "paths": {
    "/healthz": {"get": {"summary": "liveness", "responses": {"200": {"description": "{\"status\": \"ok\"}"}}}},
    "/v1/streams": {"get": {"summary": "every stream with its number of updates", "responses": {"200": {"description": "{\"streams\": [{\"name\", \"updates\"}]}"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/v1/streams/{name}/updates": {
      "parameters": [{"$ref": "#/components/parameters/name"}],
      "post": {"summary": "append updates (one record a line, or text a line); 201 once durable", "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"application/x-ndjson": {"schema": {"$ref": "#/components/schemas/Record"}}, "application/json": {"schema": {"$ref": "#/components/schemas/Record"}}, "text/plain": {"schema": {"type": "string"}}}},
        "responses": {"201": {"description": "{\"stream\", \"accepted\", \"first\", \"last\", \"updates\": [{\"id\", \"position\"}]}"},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}},
      "get": {"summary": "stored updates after a position, in order", "parameters": [
          {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}],
        "responses": {"200": {"description": "{\"stream\", \"size\", \"next\", \"updates\": [{\"position\", \"id\", \"time\", \"source\", \"title\", \"text\"}]}"}, "404": {"$ref": "#/components/responses/Error"}}}
    },
    "/v1/streams/{name}/report": {"parameters": [{"$ref": "#/components/parameters/name"}],
      "get": {"summary": "the situation report", "parameters": [
          {"name": "since", "in": "query", "schema": {"type": "string"}, "description": "update id or ISO-8601 time"},
          {"name": "until", "in": "query", "schema": {"type": "string"}},
          {"name": "story", "in": "query", "schema": {"type": "integer"}},
          {"name": "words", "in": "query", "schema": {"type": "integer", "minimum": 1}},
          {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "markdown", "text"]}}],
        "responses": {"200": {"description": "the report (JSON as sitrep report --format json)"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/streams/{name}/stories": {"parameters": [{"$ref": "#/components/parameters/name"}], "get": {"summary": "the stories of the stream", "responses": {"200": {"description": "{\"stream\", \"stories\": [...]}"}}}},
    "/v1/streams/{name}/timeline": {"parameters": [{"$ref": "#/components/parameters/name"}], "get": {"summary": "the key events", "responses": {"200": {"description": "{\"stream\", \"timeline\": [{\"id\", \"position\", \"time\", \"text\", \"score\", \"sources\"}]}"}}}},
    "/v1/streams/{name}/facts": {"parameters": [{"$ref": "#/components/parameters/name"}],
      "get": {"summary": "the figures of the updates after a position, in order; a page holds whole updates, at most limit figures unless one update alone holds more", "parameters": [
          {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 1000}}],
        "responses": {"200": {"description": "{\"stream\", \"size\", \"next\" (the position to ask after for the next page), \"facts\": [{\"kind\": \"figure\", \"position\", ...}]}"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/streams/{name}/events": {"parameters": [{"$ref": "#/components/parameters/name"}],
      "get": {"summary": "server-sent events: event 'report' (id = updates in the stream, data = the live report as one JSON line) at each change, a comment as heartbeat; resumable with Last-Event-ID",
        "responses": {"200": {"description": "text/event-stream"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/v1/openapi.json": {"get": {"summary": "this file", "responses": {"200": {"description": "OpenAPI 3"}}}}
  }
}
)json";

const asset kAssets[] = {
    {kIndex, "text/html; charset=utf-8"},
    {kJs, "text/javascript; charset=utf-8"},
    {kCss, "text/css; charset=utf-8"},
    {kOpenApi, "application/json; charset=utf-8"},
};

}  // namespace

const asset& page_asset(std::string_view name) {
  if (name == "app.js") return kAssets[1];
  if (name == "app.css") return kAssets[2];
  if (name == "openapi.json") return kAssets[3];
  return kAssets[0];
}

}  // namespace sitrep::server
