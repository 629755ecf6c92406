// sitrep web page. Plain JavaScript, no third-party code, no inline script.
// Safety: article text and every other value from the database is hostile. The page builds
// the DOM with createElement and textContent only (it never parses HTML from strings), sets
// no inline style, and only makes links to its own routes or to http(s) addresses.
'use strict';

(function () {
  const SAFE_SCHEMES = ['http:', 'https:'];
  const main = document.getElementById('main');
  const status = document.getElementById('status');
  const summary = document.getElementById('summary');
  const M = window.SitrepMap;
  let stats = null;

  // ---- DOM helpers -------------------------------------------------------------------

  const ATTRS = new Set(['id', 'for', 'type', 'name', 'value', 'placeholder', 'min', 'max', 'step', 'title', 'tabindex', 'scope',
    'colspan', 'datetime', 'role', 'lang', 'dir', 'autocomplete', 'inputmode', 'pattern', 'rel', 'download', 'list', 'size',
    'spellcheck', 'enterkeyhint', 'accesskey', 'cite']);

  // h('a', {href: '#/x', class: 'c', text: 'hello', 'aria-label': 'x'}, child, ...)
  function h(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = String(v);
      else if (k === 'href') {
        const safe = safeHref(v);
        if (safe) e.setAttribute('href', safe);
      } else if (k === 'on') {
        for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      } else if (k === 'hidden' || k === 'disabled' || k === 'checked' || k === 'selected' || k === 'required' || k === 'open') {
        e[k] = true;
      } else if (k.startsWith('aria-') || k.startsWith('data-') || ATTRS.has(k)) {
        e.setAttribute(k, String(v));
      } else {
        throw new Error('attribute not allowed: ' + k);
      }
    }
    append(e, children);
    return e;
  }

  function append(e, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // Our own routes, or absolute http(s) addresses; anything else (javascript:, data:, ...) is dropped.
  function safeHref(v) {
    const s = String(v);
    if (s.startsWith('#/')) return s;
    if (s.startsWith('/api/') || s.startsWith('/assets/')) return s;
    try {
      const u = new URL(s);
      return SAFE_SCHEMES.includes(u.protocol) ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  // An outside address shown as text, and linked only when it is http(s).
  function externalLink(url) {
    if (!url) return null;
    const safe = safeHref(url);
    if (!safe || safe.startsWith('#') || safe.startsWith('/')) return h('span', { class: 'url', text: url });
    return h('a', { href: safe, rel: 'noopener noreferrer nofollow', class: 'url', text: url });
  }

  // Replaces the page's content (null and false children are skipped).
  function show(...children) {
    main.replaceChildren();
    append(main, children);
  }

  function say(text) {
    status.textContent = '';
    setTimeout(() => { status.textContent = text; }, 30);
  }

  const fmt = (n) => (n === null || n === undefined ? '' : Number(n).toLocaleString('en'));
  const ev = (id) => '#/event/' + encodeURIComponent(id);
  const art = (id, extra) => '#/article/' + encodeURIComponent(id) + (extra || '');

  // ---- API ---------------------------------------------------------------------------

  async function api(path, params) {
    const qs = params ? new URLSearchParams(params).toString() : '';
    const r = await fetch('/api/' + path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (_) { body = null; }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : 'HTTP ' + r.status;
      const err = new Error(msg);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  async function getStats() {
    if (!stats) stats = await api('stats');
    return stats;
  }

  // ---- words for values --------------------------------------------------------------

  const KIND = (k) => String(k || '').replace(/_/g, ' ');
  function dateText(d) {
    if (!d || (!d.earliest && !d.latest)) return 'date unknown';
    if (d.earliest === d.latest || !d.latest) return d.earliest;
    if (!d.earliest) return 'by ' + d.latest;
    return d.earliest + ' – ' + d.latest;
  }
  function dateFull(d) {
    const parts = [dateText(d)];
    if (d && d.precision && d.precision !== 'day') parts.push('(' + d.precision + ')');
    if (d && d.expression) parts.push('from “' + d.expression + '”');
    return parts.join(' ');
  }
  function placeText(l) {
    if (!l) return 'place unknown';
    const country = l.country_code && stats ? (stats.by_country.find((c) => c.country_code === l.country_code) || {}).name : null;
    const cname = country || l.country_code;
    const parts = [l.name, l.admin2 && l.admin2 !== l.name ? l.admin2 : null, l.admin1 && l.admin1 !== l.name ? l.admin1 : null, cname && cname !== l.name ? cname : null];
    const t = parts.filter(Boolean).join(', ');
    return t || 'place unknown';
  }
  function amountText(c) {
    if (!c) return '';
    let t = String(c.best);
    if (c.high === null || c.high === undefined) t = c.low === c.best ? 'at least ' + c.low : c.best + ' (at least ' + c.low + ')';
    else if (c.low !== c.high) t = c.best + ' (' + c.low + '–' + c.high + ')';
    if (c.vague) t += ', vague';
    return t;
  }
  function claimValueText(field, v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'object') return String(v);
    if (field.startsWith('casualties')) return amountText(v) + ' ' + KIND(v.party) + ' ' + (v.outcome || '') + (v.cause === 'accident' ? ' (accident)' : '');
    if (field === 'date') return dateFull(v);
    if (field === 'location') return placeText(v) + (v.precision ? ' (' + v.precision + ')' : '');
    if (field === 'event_type') return [v.event_type, v.sub_event_type].filter(Boolean).join(' / ');
    if (field.startsWith('actors')) return v.name + ' (' + KIND(v.kind) + ', ' + v.role + ')';
    return JSON.stringify(v);
  }
  const FLAG_TEXT = {
    single_source: 'one independent source',
    derivative_only: 'only copies and rewrites tell it',
    conflicting_counts: 'independent sources give figures that cannot all be right',
    date_conflict: 'sources disagree on the date',
    location_conflict: 'sources disagree on the place',
    date_suspect: 'the date rests on a suspect dateline',
  };
  function fieldClass(field) {
    if (field.startsWith('casualties')) return 'f-casualties';
    if (field.startsWith('actors')) return 'f-actor';
    return 'f-' + field.replace(/[^a-z_]/g, '');
  }
  function typeBadge(type, text) {
    const info = M.typeInfo(type);
    return h('span', { class: 'type t-' + info[1] }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), text || type);
  }

  // ---- routing -----------------------------------------------------------------------

  function parseHash() {
    const raw = location.hash || '#/';
    if (!raw.startsWith('#/')) return null;
    const [path, query] = raw.slice(2).split('?');
    const parts = path.split('/').map(decodeURIComponent);
    return { parts, params: new URLSearchParams(query || '') };
  }

  let renderToken = 0;
  async function route() {
    const r = parseHash();
    if (!r) return;
    const token = ++renderToken;
    const [page, id] = r.parts;
    try {
      await getStats();
      showSummary();
      if (page === 'event' && id) await eventPage(id, token);
      else if (page === 'article' && id) await articlePage(id, r.params, token);
      else if (page === 'articles') await articlesPage(r.params, token);
      else if (page === 'about') aboutPage();
      else await eventsPage(r.params, token);
    } catch (e) {
      if (token !== renderToken) return;
      show(h('h1', { tabindex: '-1', text: e.status === 404 ? 'Not found' : 'Something went wrong' }), h('p', { class: 'error', text: e.message }), h('p', {}, h('a', { href: '#/', text: 'Back to the events' })));
      focusHeading();
    }
  }

  function focusHeading() {
    const h1 = main.querySelector('h1');
    if (h1) {
      document.title = h1.textContent + ' · sitrep';
      h1.focus({ preventScroll: false });
    }
  }

  function showSummary() {
    if (!stats) return;
    summary.textContent = fmt(stats.events) + ' events · ' + fmt(stats.fatalities) + ' fatalities · ' + fmt(stats.articles) + ' articles' +
      (stats.first_date ? ' · ' + stats.first_date + ' to ' + stats.last_date : '') + (stats.quotes_only ? ' · quotes only' : '');
  }

  // ---- events page -------------------------------------------------------------------

  const FILTERS = ['q', 'country', 'admin1', 'event_type', 'date_from', 'date_to', 'min_fatalities', 'actor', 'actor_kind', 'flag', 'bbox', 'article'];
  const pageStack = new Map();

  function filterParams(params) {
    const out = {};
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }

  function select(name, label, options, value) {
    const id = 'f-' + name;
    return h('div', { class: 'field' }, h('label', { for: id, text: label }),
      h('select', { id, name }, options.map(([v, t]) => h('option', { value: v, text: t, selected: v === (value || '') }))));
  }
  function input(name, label, type, value, extra) {
    const id = 'f-' + name;
    return h('div', { class: 'field' }, h('label', { for: id, text: label }), h('input', Object.assign({ id, name, type, value: value || '' }, extra || {})));
  }

  function filterForm(params, mapView) {
    const country = params.get('country') || '';
    const countries = [['', 'All countries']].concat(stats.by_country.filter((c) => c.country_code).map((c) => [c.country_code, (c.name || c.country_code) + ' (' + fmt(c.events) + ')']));
    const admin1s = [['', 'All regions']].concat(stats.admin1.filter((a) => !country || a.country_code === country).map((a) => [a.admin1, a.admin1 + (country ? '' : ' (' + a.country_code + ')') + ' – ' + fmt(a.events)]));
    const types = [['', 'All types']].concat(M.TYPES.map((t) => [t[0], t[0]]));
    const kinds = [['', 'Any actor kind']].concat(['state_forces', 'rebels', 'political_militia', 'identity_militia', 'rioters', 'protesters', 'civilians', 'external_forces'].map((k) => [k, KIND(k)]));
    const flags = [['', 'Any flag']].concat(Object.keys(FLAG_TEXT).map((f) => [f, KIND(f)]));
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
      input('q', 'Search', 'search', params.get('q'), { placeholder: 'words, "a phrase", prefix*, -exclude', enterkeyhint: 'search' }),
      select('country', 'Country', countries, country),
      select('admin1', 'Region (admin1)', admin1s, params.get('admin1')),
      select('event_type', 'Event type', types, params.get('event_type')),
      input('date_from', 'From', 'date', params.get('date_from')),
      input('date_to', 'To', 'date', params.get('date_to')),
      input('min_fatalities', 'Fatalities at least', 'number', params.get('min_fatalities'), { min: '0', inputmode: 'numeric' }),
      input('actor', 'Actor', 'text', params.get('actor'), { placeholder: 'JNIM, Islamic State…' }),
      select('actor_kind', 'Actor kind', kinds, params.get('actor_kind')),
      select('flag', 'Flag', flags, params.get('flag')),
      h('div', { class: 'field check' },
        h('input', { type: 'checkbox', id: 'f-inview', name: 'inview', checked: !!params.get('bbox') }),
        h('label', { for: 'f-inview', text: 'Only events in the map view' })),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', text: 'Apply filters' }), h('a', { href: '#/', class: 'button secondary', text: 'Reset' })));
    form.querySelector('#f-country').addEventListener('change', () => { form.querySelector('#f-admin1').value = ''; form.requestSubmit(); });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const p = new URLSearchParams();
      for (const k of FILTERS) {
        const f = form.elements[k];
        if (f && f.value) p.set(k, f.value.trim());
      }
      if (form.elements.inview.checked) {
        const b = mapView.bbox().map((x) => x.toFixed(3));
        p.set('bbox', b.join(','));
      } else p.delete('bbox');
      if (params.get('article')) p.set('article', params.get('article'));
      if (params.get('sort')) p.set('sort', params.get('sort'));
      location.hash = '#/?' + p.toString();
    });
    return form;
  }

  async function eventsPage(params, token) {
    const filters = filterParams(params);
    const sort = params.get('sort') || 'date_desc';
    const cursor = params.get('cursor');
    const listParams = Object.assign({}, filters, { sort, limit: '50' }, cursor ? { cursor } : {});
    const [list, map, timeline] = await Promise.all([api('events', listParams), api('events/map', filters), api('events/timeline', filters)]);
    if (token !== renderToken) return;
    const key = JSON.stringify([filters, sort]);
    let stack = pageStack.get(key) || [];
    if (!cursor) stack = [];
    else if (stack[stack.length - 1] !== cursor) stack.push(cursor);
    pageStack.set(key, stack);

    const mapBox = h('div', { class: 'map-box' });
    const mapView = M.create(mapBox, {
      label: 'Map of ' + fmt(list.total) + ' events' + (map.grouped ? ', grouped by area' : '') + '. The table below lists the same events.',
      onSelect: (id) => { location.hash = ev(id); },
    });
    const heading = h('h1', { tabindex: '-1', text: fmt(list.total) + (list.total === 1 ? ' event' : ' events') });
    const filterNote = Object.keys(filters).length ? h('p', { class: 'note', text: 'Filtered: ' + Object.entries(filters).map(([k, v]) => k.replace(/_/g, ' ') + ' ' + v).join(' · ') }) : null;
    const legend = h('ul', { class: 'legend', 'aria-label': 'Marker colours' }, M.TYPES.map((t) => h('li', {}, typeBadge(t[0]))),
      h('li', { class: 'sizes', text: 'Size: fatalities' }));
    const zoom = h('div', { class: 'map-tools' },
      h('button', { type: 'button', 'aria-label': 'Zoom in', text: '+', on: { click: () => mapView.zoomIn() } }),
      h('button', { type: 'button', 'aria-label': 'Zoom out', text: '−', on: { click: () => mapView.zoomOut() } }),
      h('button', { type: 'button', 'aria-label': 'Fit the events', text: '⤢', on: { click: () => mapView.reset() } }));
    const mapNote = h('p', { class: 'note', id: 'map-note' },
      map.grouped ? 'Too many events to draw one by one: each marker groups the events of one area and type (click to zoom in). ' : '',
      'Drag or use the arrow keys to move, the wheel or + and − to zoom, 0 to fit.');
    const points = map.points.map((p) => ({
      lat: p[0], lon: p[1], type: p[2], events: p[3], fatalities: p[4], id: p[5], cell: map.cell,
      title: p[5] ? (p[6] || 'unknown place') + ' · ' + p[2] + ' · ' + (p[7] || 'date unknown') + ' · ' + fmt(p[4]) + ' fatalities'
        : fmt(p[3]) + ' ' + p[2] + ' events · ' + fmt(p[4]) + ' fatalities',
    }));
    const timelineBox = h('div', { class: 'timeline' });

    show(
      h('div', { class: 'events-head' }, heading, filterNote),
      h('details', { class: 'filter-box', open: window.innerWidth > 700 || Object.keys(filters).length > 0 },
        h('summary', { text: Object.keys(filters).length ? 'Filters (' + Object.keys(filters).length + ' set)' : 'Filters' }),
        filterForm(params, mapView)),
      h('section', { class: 'viz', 'aria-label': 'Map and timeline' },
        h('div', { class: 'map-panel' }, h('h2', { class: 'visually-hidden', text: 'Map' }), mapBox, zoom, legend, mapNote),
        h('div', { class: 'timeline-panel' }, h('h2', { text: 'Events and fatalities per week' }), timelineBox)),
      eventsTable(list, filters, sort, stack));
    const detail = new Set(stats.by_country.map((c) => c.country_code).filter(Boolean));
    await mapView.drawBase(detail);
    mapView.setMarkers(points, map.grouped);
    const bboxParam = params.get('bbox');
    if (bboxParam) mapView.fitBox(bboxParam.split(',').map(Number));
    else mapView.fitPoints(points, filters.country);
    mapView.setDescription(points.length + ' markers. Colours: event type; size: fatalities.');
    drawTimeline(timelineBox, timeline, filters);
    focusHeading();
    say(fmt(list.total) + ' events loaded');
  }

  function eventsTable(list, filters, sort, stack) {
    const sorter = h('select', { id: 'sort', name: 'sort' },
      [['date_desc', 'Newest first'], ['date_asc', 'Oldest first'], ['fatalities_desc', 'Deadliest first']].map(([v, t]) => h('option', { value: v, text: t, selected: v === sort })));
    sorter.addEventListener('change', () => {
      const p = new URLSearchParams(filters);
      p.set('sort', sorter.value);
      location.hash = '#/?' + p.toString();
    });
    const rows = list.events.map((e) => h('tr', {},
      h('td', { class: 'nowrap', 'data-label': 'Date' }, h('time', { datetime: e.date.earliest || '', text: dateText(e.date) }), e.date.precision && e.date.precision !== 'day' ? h('span', { class: 'muted', text: ' (' + e.date.precision + ')' }) : null),
      h('td', { 'data-label': 'Event' }, h('a', { href: ev(e.id) }, typeBadge(e.event_type, e.sub_event_type))),
      h('td', { 'data-label': 'Place', text: placeText(e.location) }),
      h('td', { 'data-label': 'Actors' }, e.actors.map((a, i) => [i ? '; ' : '', a.name])),
      h('td', { class: 'num', 'data-label': 'Fatalities', text: fmt(e.fatalities) }),
      h('td', { class: 'num', 'data-label': 'Sources' }, String(e.sources), e.independent_sources !== e.sources ? h('span', { class: 'muted', text: ' (' + e.independent_sources + ' independent)' }) : null),
      h('td', { 'data-label': 'Flags' }, e.flags.map((f) => h('span', { class: 'flag flag-' + f, title: FLAG_TEXT[f] || f, text: KIND(f) })))));
    const pos = stack.length * 50;
    const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of events' },
      h('span', { text: list.events.length ? 'Events ' + fmt(pos + 1) + '–' + fmt(pos + list.events.length) + ' of ' + fmt(list.total) : 'No events match.' }),
      stack.length ? h('a', { class: 'button secondary', href: pageLink(filters, sort, stack.length > 1 ? stack[stack.length - 2] : null), text: 'Previous page' }) : null,
      list.next ? h('a', { class: 'button', href: pageLink(filters, sort, list.next), text: 'Next page' }) : null);
    return h('section', { class: 'results', 'aria-labelledby': 'results-h' },
      h('div', { class: 'results-head' }, h('h2', { id: 'results-h', text: 'Events' }), h('label', { for: 'sort', text: 'Order' }), sorter),
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'results-h' },
        h('table', { class: 'events cards' },
          h('caption', { class: 'visually-hidden', text: 'Events, ' + (sort === 'fatalities_desc' ? 'deadliest' : sort === 'date_asc' ? 'oldest' : 'newest') + ' first' }),
          h('thead', {}, h('tr', {}, ['Date', 'Event', 'Place', 'Actors', 'Fatalities', 'Sources', 'Flags'].map((t) => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, rows))),
      pager);
  }

  function pageLink(filters, sort, cursor) {
    const p = new URLSearchParams(filters);
    if (sort && sort !== 'date_desc') p.set('sort', sort);
    if (cursor) p.set('cursor', cursor);
    return '#/?' + p.toString();
  }

  function addDays(iso, n) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function drawTimeline(box, data, filters) {
    const weeks = data.weeks;
    if (!weeks.length) {
      box.append(h('p', { class: 'note', text: 'No dated events to chart.' + (data.left_out ? ' ' + fmt(data.left_out) + ' events have no date finer than a year.' : '') }));
      return;
    }
    // every week between the first and the last, empty ones included
    const all = [];
    const byWeek = new Map(weeks.map((w) => [w.week, w]));
    for (let w = weeks[0].week; w <= weeks[weeks.length - 1].week && all.length < 2000; w = addDays(w, 7)) {
      all.push(byWeek.get(w) || { week: w, events: 0, fatalities: 0 });
    }
    const chart = h('div', { class: 'timeline-chart' });
    const NS = 'http://www.w3.org/2000/svg';
    const s = (name, attrs, text) => {
      const e = document.createElementNS(NS, name);
      for (const k in attrs) e.setAttribute(k, attrs[k]);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    let drawnWidth = 0;
    // drawn in CSS pixels at the box's width, so that labels keep their size
    const render = () => {
      const W = Math.max(280, Math.round(chart.clientWidth || 600));
      if (Math.abs(W - drawnWidth) < 8) return;
      drawnWidth = W;
      const H = 200;
      const pad = { l: 40, r: 40, t: 14, b: 26 };
      const maxE = Math.max(1, ...all.map((w) => w.events));
      const maxF = Math.max(1, ...all.map((w) => w.fatalities));
      const bw = (W - pad.l - pad.r) / all.length;
      const y = (v, m) => H - pad.b - (v / m) * (H - pad.t - pad.b);
      const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, class: 'timeline-svg', role: 'img', 'aria-label': 'Bars: events per week (left scale); line: fatalities per week (right scale). ' + weeks.length + ' weeks with events, ' + all[0].week + ' to ' + all[all.length - 1].week + '. The same figures are in the table below.' });
      svg.appendChild(s('line', { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: 'axis' }));
      svg.appendChild(s('text', { x: pad.l - 6, y: pad.t + 4, class: 'tick end' }, fmt(maxE)));
      svg.appendChild(s('text', { x: pad.l - 6, y: H - pad.b, class: 'tick end' }, '0'));
      svg.appendChild(s('text', { x: W - pad.r + 6, y: pad.t + 4, class: 'tick fat' }, fmt(maxF)));
      let lastMonth = '';
      let lastLabelX = -100;
      let line = '';
      all.forEach((w, i) => {
        const x = pad.l + i * bw;
        const g = s('g', { class: 'bar' });
        const barH = H - pad.b - y(w.events, maxE);
        g.appendChild(s('rect', { x: x + bw * 0.1, y: y(w.events, maxE), width: Math.max(0.5, bw * 0.8), height: Math.max(0, barH), class: 'events-bar' }));
        g.appendChild(s('rect', { x, y: pad.t, width: bw, height: H - pad.t - pad.b, class: 'hit' }));
        g.appendChild(s('title', {}, 'Week of ' + w.week + ': ' + fmt(w.events) + ' events, ' + fmt(w.fatalities) + ' fatalities (click to show that week)'));
        g.addEventListener('click', () => {
          const p = new URLSearchParams(filters);
          p.set('date_from', w.week);
          p.set('date_to', addDays(w.week, 6));
          location.hash = '#/?' + p.toString();
        });
        svg.appendChild(g);
        line += (i ? 'L' : 'M') + (x + bw / 2).toFixed(1) + ' ' + y(w.fatalities, maxF).toFixed(1);
        const month = w.week.slice(0, 7);
        if (month !== lastMonth && x - lastLabelX > 64) {
          svg.appendChild(s('text', { x, y: H - pad.b + 16, class: 'tick' }, month));
          lastLabelX = x;
        }
        lastMonth = month;
      });
      svg.appendChild(s('path', { d: line, class: 'fatalities-line' }));
      chart.replaceChildren(svg);
    };
    const table = h('details', { class: 'timeline-table' }, h('summary', { text: 'The timeline as a table' }),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Week of' }), h('th', { scope: 'col', text: 'Events' }), h('th', { scope: 'col', text: 'Fatalities' }))),
        h('tbody', {}, weeks.map((w) => h('tr', {}, h('td', { text: w.week }), h('td', { class: 'num', text: fmt(w.events) }), h('td', { class: 'num', text: fmt(w.fatalities) }))))));
    const key = h('p', { class: 'note' }, h('span', { class: 'key-bar', 'aria-hidden': 'true' }), ' events (left) ', h('span', { class: 'key-line', 'aria-hidden': 'true' }), ' fatalities (right)',
      data.left_out ? ' · ' + fmt(data.left_out) + ' events dated only to the year or undated are not charted' : '');
    box.append(chart, key, table);
    render();
    new ResizeObserver(render).observe(chart);
  }

  // ---- event page --------------------------------------------------------------------

  async function eventPage(id, token) {
    const d = await api('events/' + encodeURIComponent(id));
    if (token !== renderToken) return;
    const e = d.event;
    const articles = new Map(d.articles.map((a) => [a.id, a]));
    const src = (aid) => (e.sources || []).find((s) => s.article_id === aid);
    const title = e.sub_event_type + ' · ' + placeText(e.location);
    const facts = h('dl', { class: 'facts' },
      h('dt', { text: 'Type' }), h('dd', {}, typeBadge(e.event_type, e.event_type + ' / ' + e.sub_event_type)),
      h('dt', { text: 'Date' }), h('dd', { text: dateFull(e.date) }, e.date.relative_to ? [' · ', h('a', { href: ev(e.date.relative_to.event), text: Math.abs(e.date.relative_to.offset_days) + ' days ' + (e.date.relative_to.offset_days < 0 ? 'before' : 'after') + ' another event' })] : null),
      h('dt', { text: 'Place' }), h('dd', {}, placeText(e.location), e.location.precision ? ' (' + e.location.precision + ')' : '',
        e.location.lat !== null && e.location.lat !== undefined ? h('span', { class: 'muted', text: ' · ' + e.location.lat + ', ' + e.location.lon }) : null,
        e.location.geonames_id ? h('span', { class: 'muted', text: ' · GeoNames ' + e.location.geonames_id }) : null),
      h('dt', { text: 'Actors' }), h('dd', {}, e.actors.length ? h('ul', { class: 'plain' }, e.actors.map((a) => h('li', { text: a.name + ' — ' + KIND(a.kind) + ', ' + a.role }))) : 'none named'),
      h('dt', { text: 'Fatalities' }), h('dd', { text: fmt(e.fatalities) + ' (ACLED’s convention: violent deaths, lowest stated figure)' }),
      e.tactics.length ? [h('dt', { text: 'Tactics' }), h('dd', { text: e.tactics.join(', ') })] : null,
      e.flags.length ? [h('dt', { text: 'Flags' }), h('dd', {}, h('ul', { class: 'plain' }, e.flags.map((f) => h('li', {}, h('span', { class: 'flag flag-' + f, text: KIND(f) }), ' ' + (FLAG_TEXT[f] || '')))))] : null,
      (e.merged_from || []).length ? [h('dt', { text: 'Merged ids' }), h('dd', { text: e.merged_from.join(', ') })] : null);
    const casualties = e.casualties.length ? h('table', { class: 'casualties' },
      h('caption', { text: 'Casualties (from independent sources: low, best, high)' }),
      h('thead', {}, h('tr', {}, ['Party', 'Outcome', 'Cause', 'Low', 'Best', 'High', ''].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, e.casualties.map((c) => h('tr', {}, h('td', { text: KIND(c.party) }), h('td', { text: c.outcome }), h('td', { text: c.cause }),
        h('td', { class: 'num', text: c.low }), h('td', { class: 'num', text: c.best }), h('td', { class: 'num', text: c.high === null ? 'open' : c.high }), h('td', { text: c.vague ? 'vague' : '' })))))
      : h('p', { class: 'note', text: 'No casualty figures.' });
    const sources = h('table', { class: 'sources' },
      h('caption', { text: 'Sources' }),
      h('thead', {}, h('tr', {}, ['Article', 'Outlet', 'Published', 'Role', 'Standing', 'Address'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, (e.sources || []).map((s) => {
        const a = articles.get(s.article_id);
        return h('tr', {},
          h('td', {}, a ? h('a', { href: art(s.article_id), text: a.title || s.article_id }) : s.article_id),
          h('td', { text: s.outlet || '' }), h('td', { text: s.published || '' }), h('td', { text: s.role }),
          h('td', {}, h('span', { class: s.independent ? 'badge independent' : 'badge derivative', text: s.independent ? 'independent' : 'derivative' })),
          h('td', {}, externalLink(s.url)));
      })));
    const miniBox = h('div', { class: 'mini-map' });
    const claims = h('section', { class: 'claims-section', 'aria-labelledby': 'claims-h' },
      h('h2', { id: 'claims-h', text: 'Claims side by side' }),
      h('p', { class: 'note', text: 'Every value every source gave, with its quote in context. Independent sources come first; a superseded claim was replaced by a later or better figure in the same source; a claim marked “disagrees” cannot be right together with another current independent claim.' + (d.quotes_only ? ' This server shows quotes only, not whole articles.' : '') }),
      d.fields.length ? d.fields.map((f) => fieldSection(f, articles, src)) : h('p', { text: 'No claims recorded.' }));
    show(
      h('p', { class: 'crumbs' }, h('a', { href: '#/', text: '← All events' })),
      h('h1', { tabindex: '-1', text: title }),
      d.merged_into ? h('p', { class: 'notice', text: 'Event ' + d.requested_id + ' was merged into this one.' }) : null,
      h('div', { class: 'event-top' }, h('div', {}, facts), miniBox),
      h('div', { class: 'table-wrap' }, casualties), h('div', { class: 'table-wrap' }, sources), claims);
    if (e.location.lat !== null && e.location.lat !== undefined) {
      const mv = M.create(miniBox, { label: 'Where: ' + placeText(e.location) });
      await mv.drawBase(new Set([e.location.country_code]));
      mv.setMarkers([{ lat: e.location.lat, lon: e.location.lon, type: e.event_type, events: 1, fatalities: e.fatalities, id: null, title: placeText(e.location) }], false);
      const k = e.location.precision === 'exact' || e.location.precision === 'near' ? 1.2 : 4;
      mv.fitBox([e.location.lon - k, e.location.lat - k, e.location.lon + k, e.location.lat + k]);
    } else {
      miniBox.append(h('p', { class: 'note', text: 'No coordinates for this place.' }));
    }
    focusHeading();
    say('Event loaded: ' + d.fields.length + ' fields with claims');
  }

  function fieldSection(f, articles, src) {
    const id = 'field-' + f.field.replace(/[^a-z0-9]/gi, '-');
    return h('section', { class: 'field-group' + (f.conflict ? ' conflict' : ''), 'aria-labelledby': id },
      h('h3', { id }, f.label, f.conflict ? h('span', { class: 'badge conflict', text: 'sources disagree' }) : null),
      f.value !== null ? h('p', { class: 'reconciled' }, h('span', { class: 'muted', text: 'Event value: ' }), claimValueText(f.field, f.value)) : null,
      h('div', { class: 'claims' }, f.claims.map((c) => claimCard(f.field, c, articles.get(c.article_id), src(c.article_id)))));
  }

  function claimCard(field, c, a, s) {
    const badges = [
      h('span', { class: c.independent ? 'badge independent' : 'badge derivative', text: c.independent ? 'independent' : 'derivative' }),
      c.role ? h('span', { class: 'badge', text: c.role }) : null,
      c.superseded ? h('span', { class: 'badge superseded', text: 'superseded' }) : null,
      c.conflicts ? h('span', { class: 'badge conflict', text: 'disagrees' }) : null,
    ];
    const ctx = c.context;
    // a quote of the article's title ("in": "title") is shown as its headline, not in the text
    const inTitle = c.in === 'title';
    const quote = inTitle
      ? h('blockquote', { class: 'quote headline' }, h('span', { class: 'muted', text: 'Headline: ' }), h('mark', { class: fieldClass(field), text: c.quote }))
      : ctx
        ? h('blockquote', { class: 'quote' }, ctx.before, h('mark', { class: fieldClass(field), text: ctx.quote }), ctx.after)
        : h('blockquote', { class: 'quote' }, h('mark', { class: fieldClass(field), text: c.quote }));
    const link = inTitle
      ? art(c.article_id)
      : ctx && ctx.start !== null && ctx.start !== undefined
        ? art(c.article_id, '?hl=' + ctx.start + '-' + ctx.end)
        : art(c.article_id, '?ohl=' + c.start + '-' + c.end);
    return h('article', { class: 'claim' + (c.superseded ? ' is-superseded' : '') + (c.conflicts ? ' is-conflict' : '') },
      h('header', {}, h('a', { href: art(c.article_id), class: 'source', text: (a && a.title) || c.article_id }),
        h('span', { class: 'muted', text: [s && s.outlet, s && s.published].filter(Boolean).join(' · ') })),
      h('p', { class: 'badges' }, badges),
      h('p', { class: 'value', text: claimValueText(field, c.value) }),
      c.attributed_to ? h('p', { class: 'attributed', text: 'According to ' + c.attributed_to }) : null,
      quote,
      a ? h('a', { href: link, class: 'in-article', text: 'Show in the article' }) : null);
  }

  // ---- article page ------------------------------------------------------------------

  async function articlePage(id, params, token) {
    const d = await api('articles/' + encodeURIComponent(id));
    if (token !== renderToken) return;
    const a = d.article;
    const meta = h('dl', { class: 'facts' },
      h('dt', { text: 'Id' }), h('dd', { text: a.id }),
      a.outlet ? [h('dt', { text: 'Outlet' }), h('dd', { text: a.outlet })] : null,
      h('dt', { text: 'Published' }), h('dd', { text: a.published || 'unknown' }),
      a.url ? [h('dt', { text: 'Address' }), h('dd', {}, externalLink(a.url))] : null,
      h('dt', { text: 'Kind' }), h('dd', { text: a.kind }),
      a.flags.length ? [h('dt', { text: 'Flags' }), h('dd', { text: a.flags.map(KIND).join(', ') })] : null,
      a.duplicate_of ? [h('dt', { text: 'Duplicate of' }), h('dd', {}, h('a', { href: art(a.duplicate_of), text: a.duplicate_of }))] : null,
      a.derivative_of.length ? [h('dt', { text: 'Re-tells' }), h('dd', {}, a.derivative_of.map((x, i) => [i ? ', ' : '', h('a', { href: art(x), text: x })]))] : null);
    const events = d.events.length
      ? h('ul', { class: 'plain event-list' }, d.events.map((e) => h('li', {}, h('a', { href: ev(e.id) }, typeBadge(e.event_type, e.sub_event_type)), ' · ' + placeText(e.location) + ' · ' + dateText(e.date) + ' · ' + fmt(e.fatalities) + ' fatalities')))
      : h('p', { class: 'note', text: 'No event read from this article.' });
    const hl = parseRange(params.get('hl'));
    const ohl = parseRange(params.get('ohl'));
    const textBox = d.text !== null && d.text !== undefined ? articleText(d.text, d.spans, hl, ohl) : h('p', { class: 'notice', text: 'This server shows quotes only, not whole articles: the extractions are listed below.' });
    show(
      h('p', { class: 'crumbs' }, h('a', { href: '#/articles', text: '← All articles' })),
      a.title ? headline(a.title, d.spans) : h('h1', { tabindex: '-1', text: a.id }),
      meta,
      h('h2', { text: 'Events it tells' }), events,
      h('h2', { text: d.text !== null ? 'Cleaned text with its extractions' : 'Extractions' }),
      d.text !== null ? legendOfFields() : null,
      textBox,
      extractionTable(d.spans));
    focusHeading();
    const current = main.querySelector('mark.current');
    if (current) {
      current.scrollIntoView({ block: 'center' });
      current.focus({ preventScroll: true });
    }
    say('Article loaded: ' + d.spans.length + ' extractions');
  }

  function parseRange(v) {
    if (!v) return null;
    const m = /^(\d+)-(\d+)$/.exec(v);
    return m ? [Number(m[1]), Number(m[2])] : null;
  }

  function legendOfFields() {
    const items = [['f-event_type', 'event type'], ['f-date', 'date'], ['f-location', 'place'], ['f-actor', 'actor'], ['f-casualties', 'casualties'], ['f-tactics', 'tactic']];
    return h('ul', { class: 'legend fields', 'aria-label': 'Highlight colours' }, items.map(([c, t]) => h('li', {}, h('mark', { class: c, text: t }))),
      h('li', {}, h('mark', { class: 'superseded', text: 'superseded figure' })));
  }

  // The cleaned text with every span highlighted: the text is cut at span boundaries (in
  // code points, as the API gives them) and each piece is a text node, marked when covered.
  function articleText(text, spans, hl, ohl) {
    const chars = Array.from(text);
    const placed = spans.map((s, i) => Object.assign({ i }, s)).filter((s) => s.start !== null && s.end !== null && s.end > s.start && s.end <= chars.length);
    const cuts = new Set([0, chars.length]);
    for (const s of placed) { cuts.add(s.start); cuts.add(s.end); }
    if (hl) { cuts.add(Math.min(hl[0], chars.length)); cuts.add(Math.min(hl[1], chars.length)); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const box = h('div', { class: 'article-text', lang: 'en', dir: 'auto' });
    let currentDone = false;
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const piece = chars.slice(a, b).join('');
      const covering = placed.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) {
        box.appendChild(document.createTextNode(piece));
        continue;
      }
      const main0 = covering.find((s) => !s.superseded) || covering[0];
      const isCurrent = (hl && a >= hl[0] && b <= hl[1]) || (ohl && covering.some((s) => s.original_start === ohl[0] && s.original_end === ohl[1]));
      const mark = h('mark', {
        class: fieldClass(main0.field) + (covering.every((s) => s.superseded) ? ' superseded' : '') + (isCurrent ? ' current' : ''),
        title: covering.map((s) => s.field + (s.superseded ? ' (superseded)' : '') + (s.attributed_to ? ', according to ' + s.attributed_to : '')).join('; '),
        'data-spans': covering.map((s) => s.i).join(' '),
        tabindex: isCurrent && !currentDone ? '-1' : null,
        text: piece,
      });
      if (isCurrent) currentDone = true;
      box.appendChild(mark);
    }
    return box;
  }

  // The article's title as its page's heading, with the quotes cut from it (spans marked
  // in_title, offsets in code points of the title) highlighted.
  function headline(title, spans) {
    const chars = Array.from(title);
    const placed = spans.map((s, i) => Object.assign({ i }, s)).filter((s) => s.in_title && s.original_end > s.original_start && s.original_end <= chars.length);
    const cuts = new Set([0, chars.length]);
    for (const s of placed) { cuts.add(s.original_start); cuts.add(s.original_end); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const box = h('h1', { tabindex: '-1' });
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const piece = chars.slice(a, b).join('');
      const covering = placed.filter((s) => s.original_start <= a && s.original_end >= b);
      if (!covering.length) {
        box.appendChild(document.createTextNode(piece));
        continue;
      }
      box.appendChild(h('mark', {
        class: fieldClass(covering[0].field),
        title: covering.map((s) => s.field).join('; ') + ' (from the headline)',
        'data-spans': covering.map((s) => s.i).join(' '),
        text: piece,
      }));
    }
    return box;
  }

  function extractionTable(spans) {
    if (!spans.length) return h('p', { class: 'note', text: 'No extraction quotes this article.' });
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Extractions' },
      h('table', { class: 'extractions' },
        h('caption', { text: 'Extractions (' + spans.length + ')' }),
        h('thead', {}, h('tr', {}, ['Field', 'Quote', 'Value', 'Event', ''].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, spans.map((s, i) => h('tr', { class: s.superseded ? 'is-superseded' : null },
          h('td', {}, h('span', { class: 'field-name ' + fieldClass(s.field), text: s.field }), s.evidence ? h('span', { class: 'badge', title: 'the event\u2019s value rests on this quote', text: 'evidence' }) : null, s.superseded ? h('span', { class: 'badge superseded', text: 'superseded' }) : null),
          h('td', { text: s.quote }),
          h('td', { text: s.value !== null && s.value !== undefined ? claimValueText(s.field, s.value) : '' }, s.attributed_to ? h('span', { class: 'muted', text: ' (according to ' + s.attributed_to + ')' }) : null),
          h('td', {}, h('a', { href: ev(s.event_id), text: 'event' })),
          h('td', {}, s.in_title
            ? h('button', { type: 'button', class: 'link', text: 'Show in headline', on: { click: () => showSpan(i) } })
            : s.start !== null ? h('button', { type: 'button', class: 'link', text: 'Show in text', on: { click: () => showSpan(i) } }) : h('span', { class: 'muted', text: 'removed by cleaning' })))))));
  }

  function showSpan(i) {
    const marks = Array.from(main.querySelectorAll('mark[data-spans]')).filter((m) => m.getAttribute('data-spans').split(' ').includes(String(i)));
    main.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
    marks.forEach((m) => m.classList.add('current'));
    if (marks[0]) {
      marks[0].setAttribute('tabindex', '-1');
      marks[0].scrollIntoView({ block: 'center' });
      marks[0].focus({ preventScroll: true });
    }
  }

  // ---- articles page -----------------------------------------------------------------

  async function articlesPage(params, token) {
    const q = params.get('q') || '';
    const cursor = params.get('cursor');
    const d = await api('articles', Object.assign({ limit: '50' }, q ? { q } : {}, cursor ? { cursor } : {}));
    if (token !== renderToken) return;
    const form = h('form', { class: 'filters small', role: 'search', 'aria-label': 'Find articles' },
      h('div', { class: 'field' }, h('label', { for: 'aq', text: 'Title or id contains' }), h('input', { id: 'aq', name: 'q', type: 'search', value: q })),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', text: 'Find' })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = form.elements.q.value.trim();
      location.hash = '#/articles' + (v ? '?q=' + encodeURIComponent(v) : '');
    });
    const rows = d.articles.map((a) => h('tr', {},
      h('td', {}, h('a', { href: art(a.id), text: a.title || a.id })),
      h('td', { text: a.outlet || '' }), h('td', { class: 'nowrap', text: a.published || '' }), h('td', { text: a.kind }),
      h('td', { class: 'num', text: fmt(a.events) }),
      h('td', {}, a.duplicate_of ? ['duplicate of ', h('a', { href: art(a.duplicate_of), text: a.duplicate_of })] : null, a.flags.length ? h('span', { class: 'muted', text: ' ' + a.flags.map(KIND).join(', ') }) : null)));
    show(
      h('h1', { tabindex: '-1', text: fmt(d.total) + ' articles' }), form,
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Articles' },
        h('table', {}, h('caption', { class: 'visually-hidden', text: 'Articles, newest ingested first' }),
          h('thead', {}, h('tr', {}, ['Title', 'Outlet', 'Published', 'Kind', 'Events', 'Notes'].map((t) => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, rows))),
      h('nav', { class: 'pager', 'aria-label': 'Pages of articles' },
        cursor ? h('a', { class: 'button secondary', href: '#/articles' + (q ? '?q=' + encodeURIComponent(q) : ''), text: 'First page' }) : null,
        d.next ? h('a', { class: 'button', href: '#/articles?' + new URLSearchParams(Object.assign(q ? { q } : {}, { cursor: d.next })).toString(), text: 'Next page' }) : null));
    focusHeading();
    say(d.articles.length + ' articles listed');
  }

  function aboutPage() {
    show(
      h('h1', { tabindex: '-1', text: 'About this page' }),
      h('p', { text: 'sitrep reads news articles and keeps one record per real-world violent event: when, where, who against whom, how many were killed, wounded, missing or captured, each value with the quote it came from, figures reconciled across independent sources.' }),
      h('h2', { text: 'Keyboard' }),
      h('ul', {}, h('li', { text: 'Tab moves through the filters, the map, the table and the links; every event on the map is also in the table.' }),
        h('li', { text: 'On the map: arrow keys move, + and − zoom, 0 fits the events.' }),
        h('li', { text: 'On an article, “Show in text” moves to a highlighted quote.' })),
      h('h2', { text: 'Data and API' }),
      h('p', {}, 'The JSON API is described in ', h('a', { href: '/api/openapi.json', text: '/api/openapi.json' }), '. The same events export as JSON Lines, ACLED-style CSV and GeoJSON: sitrep export events --format jsonl|csv|geojson.'),
      h('p', {}, 'The map is drawn from Natural Earth outlines (public domain) built into the program; nothing is loaded from elsewhere. ', h('a', { href: '/assets/LICENSES.md', text: 'Licences' }), '.'));
    focusHeading();
  }

  window.addEventListener('hashchange', route);
  route();
})();
