#!/usr/bin/env node
// The browser test of the web page (run by .ci/run). No npm packages: headless Chromium
// (Debian's `chromium`) is driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: JSON messages separated by NUL bytes on file descriptors 3/4).
//
// It builds a database from our example articles (examples/articles) and the hostile
// fixtures here (fixtures/: <script>, javascript: links, HTML-looking text, in text and in
// an HTML page), starts `sitrep serve` on a free port, and checks in the browser:
//   1. the events page: map markers, the table, the timeline; no script error, no CSP report;
//   2. an event page opened from the table: claims side by side with quotes;
//   3. each hostile article and its event render every hostile string as text: no injected
//      element, no javascript: link, nothing ran;
//   4. keyboard: the skip link comes first; the map pans and zooms with keys; screen readers:
//      every control, link, image and region has an accessible name (the browser's
//      accessibility tree), focus moves to each page's heading, the live region announces it;
//   5. a phone-sized viewport scrolls no page sideways;
//   6. the server's headers (CSP, nosniff) and that a foreign Host is refused;
//   7. a server started with --quotes-only shows quotes but not the article's text.
// Usage: node tests/browser/run.mjs [--sitrep target/release/sitrep] [--chromium /usr/bin/chromium]
//        [--screenshot docs/screenshot.png]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const sitrep = resolve(arg('--sitrep', join(root, 'target', 'release', 'sitrep')));
const chromiumBin = arg('--chromium', '/usr/bin/chromium');
const screenshot = arg('--screenshot', null);
const shots = arg('--shots', null); // a directory: screenshots of every page visited, for review
const TIMEOUT_MS = 20000;

let failures = 0;
function check(cond, what, detail) {
  if (cond) console.log('ok   ' + what);
  else {
    failures++;
    console.log('FAIL ' + what + (detail !== undefined ? ': ' + JSON.stringify(detail) : ''));
  }
}

const work = mkdtempSync(join(tmpdir(), 'sitrep-browser-'));
const children = [];
function cleanup() {
  for (const c of children) {
    try { c.kill('SIGKILL'); } catch (_) { /* gone */ }
  }
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (e) {
    console.error('browser test: could not remove ' + work + ': ' + e.message);
  }
}
process.on('exit', cleanup);

function fail(msg) {
  console.error('browser test: ' + msg);
  process.exit(1);
}

if (!existsSync(sitrep)) fail(`no sitrep binary at ${sitrep} (cargo build --release -p sitrep-cli)`);
if (!existsSync(chromiumBin)) fail(`no Chromium at ${chromiumBin} (apt-get install -y chromium)`);

// 1. the database
const db = join(work, 'test.db');
const ingest = spawnSync(sitrep, ['ingest', '--db', db, '--quiet', join(root, 'examples', 'articles'), join(here, 'fixtures')], { encoding: 'utf8' });
if (ingest.status !== 0) fail('ingest failed: ' + ingest.stderr);

// 2. the server
function startServer(extra) {
  return new Promise((res, rej) => {
    const p = spawn(sitrep, ['serve', '--db', db, '--addr', '127.0.0.1:0', ...(extra || [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(p);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(out);
      if (m) res(m[1]);
    });
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', (code) => rej(new Error('server exited with ' + code + ': ' + err)));
    setTimeout(() => rej(new Error('server did not start: ' + out + err)), TIMEOUT_MS);
  });
}

function httpGet(host, path, headers) {
  return new Promise((res, rej) => {
    const [hostname, port] = host.split(':');
    http.get({ hostname, port, path, headers: headers || {} }, (r) => {
      let body = '';
      r.on('data', (d) => { body += d; });
      r.on('end', () => res({ status: r.statusCode, headers: r.headers, body }));
    }).on('error', rej);
  });
}

// 3. the browser, over a pipe
class Browser {
  constructor() {
    const profile = join(work, 'profile');
    this.proc = spawn(chromiumBin, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-dev-shm-usage', '--hide-scrollbars',
      '--remote-debugging-pipe', '--user-data-dir=' + profile, '--window-size=1280,900', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    children.push(this.proc);
    this.next = 1;
    this.pending = new Map();
    this.listeners = [];
    this.buf = Buffer.alloc(0);
    this.proc.stdio[4].on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', () => {});
  }
  onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    let i;
    while ((i = this.buf.indexOf(0)) >= 0) {
      const msg = JSON.parse(this.buf.subarray(0, i).toString('utf8'));
      this.buf = this.buf.subarray(i + 1);
      if (msg.id && this.pending.has(msg.id)) {
        const { res, rej } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) rej(new Error(msg.error.message));
        else res(msg.result);
      } else if (msg.method) {
        for (const l of this.listeners) l(msg);
      }
    }
  }
  send(method, params, sessionId) {
    const id = this.next++;
    const msg = { id, method, params: params || {} };
    if (sessionId) msg.sessionId = sessionId;
    this.proc.stdio[3].write(JSON.stringify(msg) + '\0');
    return new Promise((res, rej) => {
      this.pending.set(id, { res, rej });
      setTimeout(() => {
        if (this.pending.has(id)) {
          this.pending.delete(id);
          rej(new Error('timeout: ' + method));
        }
      }, TIMEOUT_MS);
    });
  }
}

async function main() {
  const host = await startServer();
  const base = 'http://' + host + '/';
  console.log('serving at ' + base);

  // headers
  const page = await httpGet(host, '/');
  const csp = page.headers['content-security-policy'] || '';
  check(page.status === 200 && /script-src 'self'/.test(csp) && !/unsafe-inline/.test(csp), 'the page is served with a strict Content-Security-Policy', csp);
  check(page.headers['x-content-type-options'] === 'nosniff', 'nosniff');
  const foreign = await httpGet(host, '/api/stats', { Host: 'attacker.example' });
  check(foreign.status === 421 && JSON.parse(foreign.body).error.code === 'misdirected_request', 'a request addressed to another host name is refused', foreign.status);
  const stats = JSON.parse((await httpGet(host, '/api/stats')).body);
  check(stats.events > 0, 'the database built from the examples holds events', stats.events);

  const b = new Browser();
  const { targetId } = await b.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await b.send('Target.attachToTarget', { targetId, flatten: true });
  const s = (m, p) => b.send(m, p, sessionId);
  const problems = [];
  b.listeners.push((msg) => {
    if (msg.sessionId !== sessionId) return;
    if (msg.method === 'Runtime.exceptionThrown') problems.push('exception: ' + msg.params.exceptionDetails.text + ' ' + JSON.stringify(msg.params.exceptionDetails.exception && msg.params.exceptionDetails.exception.description));
    if (msg.method === 'Runtime.consoleAPICalled' && (msg.params.type === 'error' || msg.params.type === 'warning')) problems.push('console ' + msg.params.type + ': ' + msg.params.args.map((a) => a.value || a.description).join(' '));
    if (msg.method === 'Log.entryAdded' && (msg.params.entry.level === 'error' || msg.params.entry.source === 'security')) problems.push('log: ' + msg.params.entry.text);
  });
  await s('Page.enable');
  await s('Runtime.enable');
  await s('Log.enable');

  const evaluate = async (expr) => {
    const r = await s('Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error('evaluate failed: ' + expr + ': ' + r.exceptionDetails.text);
    return r.result.value;
  };
  let shotNo = 0;
  const waitFor = async (expr, what) => {
    const t0 = Date.now();
    while (Date.now() - t0 < TIMEOUT_MS) {
      try {
        if (await evaluate(expr)) {
          if (shots) {
            await new Promise((r) => setTimeout(r, 300));
            const shot = await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
            writeFileSync(join(shots, String(++shotNo).padStart(2, '0') + '-' + what.replace(/[^a-z0-9]+/gi, '-') + '.png'), Buffer.from(shot.data, 'base64'));
          }
          return true;
        }
      } catch (_) { /* page not ready */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    check(false, 'waited for ' + what);
    return false;
  };
  const go = async (url) => {
    await s('Page.navigate', { url });
  };
  // screen readers: every control, link and image in the accessibility tree has a name; the
  // page's language is set; each page moves focus to its heading and announces itself.
  const INTERACTIVE = new Set(['button', 'link', 'textbox', 'searchbox', 'combobox', 'spinbutton', 'checkbox', 'radio', 'slider', 'image', 'img', 'region', 'table', 'form', 'search', 'navigation']);
  const accessible = async (what, announced) => {
    const { nodes } = await s('Accessibility.getFullAXTree');
    const unnamed = nodes.filter((n) => !n.ignored && n.role && INTERACTIVE.has(n.role.value) && !(n.name && String(n.name.value).trim()))
      .map((n) => n.role.value);
    const counted = nodes.filter((n) => !n.ignored && n.role && INTERACTIVE.has(n.role.value)).length;
    check(counted > 0 && unnamed.length === 0, what + ': every control, link, image and region has an accessible name', { counted, unnamed });
    check(await evaluate("document.activeElement && document.activeElement.tagName === 'H1'"), what + ': focus moves to the page heading', await evaluate('document.activeElement && document.activeElement.tagName'));
    if (await waitFor(`document.getElementById('status').textContent.includes(${JSON.stringify(announced)})`, what + ' announced in the live region')) {
      check(true, what + ': announced in the live region');
    }
  };
  const key = async (k, code, text) => {
    await s('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code, text, windowsVirtualKeyCode: k === 'Tab' ? 9 : k.length === 1 ? k.toUpperCase().charCodeAt(0) : 0 });
    await s('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code, windowsVirtualKeyCode: k === 'Tab' ? 9 : 0 });
  };

  // --- the events page
  await go(base);
  await waitFor("document.querySelectorAll('svg.map-svg circle.marker').length > 0 && document.querySelectorAll('table.events tbody tr').length > 0", 'markers and table rows');
  const markers = await evaluate("document.querySelectorAll('svg.map-svg circle.marker').length");
  const rows = await evaluate("document.querySelectorAll('table.events tbody tr').length");
  const outlines = await evaluate("document.querySelectorAll('svg.map-svg path.country').length");
  const admin1 = await evaluate("document.querySelectorAll('svg.map-svg path.admin1-area').length");
  check(markers > 0, 'the map shows event markers', markers);
  check(outlines > 100 && admin1 > 0, 'the map is drawn from country and admin1 outlines', { outlines, admin1 });
  check(rows === Math.min(50, stats.events), 'the table lists the events', { rows, events: stats.events });
  check(await evaluate("document.querySelectorAll('.timeline-svg rect.events-bar').length > 0"), 'the timeline has weekly bars');
  check(await evaluate("document.querySelector('h1').textContent.includes('events')"), 'the heading counts the events');
  const sizes = await evaluate("Array.from(document.querySelectorAll('circle.marker')).map(c => Number(c.getAttribute('r')))");
  check(new Set(sizes.map((x) => x.toFixed(5))).size > 1, 'markers are sized by fatalities');
  const colours = await evaluate("new Set(Array.from(document.querySelectorAll('circle.marker')).map(c => c.getAttribute('fill'))).size");
  check(colours > 1, 'markers are coloured by event type', colours);
  check(await evaluate("document.documentElement.lang === 'en' && document.title.length > 0"), 'the page states its language and title');
  check(await evaluate("Array.from(document.querySelectorAll('table.events thead th')).every(th => th.getAttribute('scope') === 'col')"), 'the table\'s column headers are marked as such');
  await s('Accessibility.enable');
  await accessible('events page', 'events loaded');
  if (screenshot) {
    await s('Emulation.setDeviceMetricsOverride', { width: 1280, height: 1500, deviceScaleFactor: 1, mobile: false });
    await new Promise((r) => setTimeout(r, 500));
    const shot = await s('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width: 1280, height: 1500, scale: 0.75 } });
    await s('Emulation.clearDeviceMetricsOverride');
    writeFileSync(screenshot, Buffer.from(shot.data, 'base64'));
    console.log('screenshot written to ' + screenshot);
  }

  // keyboard: the skip link is the first stop and takes focus to the content; the map moves with keys
  const firstStop = await evaluate("(() => { const f = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')).filter(e => e.tabIndex >= 0 && !e.disabled); return f.length ? f[0].className : null; })()");
  check(firstStop === 'skip', 'the skip link is the first stop of the Tab order', firstStop);
  await evaluate("document.querySelector('.skip').focus(), true");
  await key('Enter', 'Enter', '\r');
  await waitFor("document.activeElement && document.activeElement.id === 'main'", 'the skip link moving focus to the content');
  await evaluate("history.replaceState(null, '', '#/'), true");
  const vb0 = await evaluate("document.querySelector('svg.map-svg').getAttribute('viewBox')");
  await evaluate("document.querySelector('svg.map-svg').focus(), true");
  await key('+', 'Equal', '+');
  await key('ArrowRight', 'ArrowRight');
  const vb1 = await evaluate("document.querySelector('svg.map-svg').getAttribute('viewBox')");
  check(vb0 !== vb1, 'the map zooms and pans with the keyboard', { vb0, vb1 });

  // filters round-trip through the API
  await go(base + '#/?country=ML');
  await waitFor("location.hash.includes('country=ML') && document.querySelector('#f-country') && document.querySelector('#f-country').value === 'ML' && document.querySelectorAll('table.events tbody tr').length > 0", 'the country filter');
  const mlRows = await evaluate("Array.from(document.querySelectorAll('table.events tbody tr td:nth-child(3)')).map(td => td.textContent)");
  check(mlRows.length > 0 && mlRows.every((t) => t.includes('Mali')), 'filtering by country keeps only that country', mlRows);

  // --- an event page, opened from the table
  await go(base);
  await waitFor("document.querySelectorAll('table.events tbody a').length > 0", 'table links');
  await evaluate("document.querySelector('table.events tbody a').click(), true");
  await waitFor("location.hash.startsWith('#/event/') && document.querySelectorAll('.claims .claim').length > 0", 'the event page with claims');
  const claimCount = await evaluate("document.querySelectorAll('.claims .claim').length");
  const quoted = await evaluate("Array.from(document.querySelectorAll('.claims .claim blockquote mark')).filter(m => m.textContent.length > 0).length");
  check(claimCount > 0, 'the event page shows its claims side by side', claimCount);
  check(quoted === claimCount, 'every claim shows its quote highlighted', { quoted, claimCount });
  check(await evaluate("document.querySelectorAll('.claims .claim .badge.independent, .claims .claim .badge.derivative').length") === claimCount, 'every claim says whether its source is independent');
  check(await evaluate("document.querySelectorAll('table.sources tbody tr').length > 0"), 'the event page lists its sources');
  await accessible('event page', 'Event loaded');

  // --- the hostile articles
  for (const id of ['hostile-market-attack', 'hostile-page']) {
    await go(base + '#/article/' + id);
    await waitFor(`location.hash === '#/article/${id}' && document.querySelector('.article-text') !== null`, 'article ' + id);
    const text = await evaluate("document.querySelector('.article-text').textContent");
    const injected = await evaluate("Array.from(document.querySelectorAll('.article-text *')).filter(e => e.tagName !== 'MARK').map(e => e.tagName)");
    check(/<script>window\.__pwned/.test(text), id + ': <script> in the text shows as text', text.slice(0, 160));
    check(/<a href="javascript:/.test(text) && /<img src=x onerror=/.test(text), id + ': HTML-looking text shows as text');
    check(injected.length === 0, id + ': the text holds no element but highlights', injected);
    check(await evaluate("document.querySelectorAll('.article-text mark').length > 0"), id + ': its extractions are highlighted');
    if (id === 'hostile-page') await accessible('article page', 'Article loaded');
    check(await evaluate("document.querySelectorAll('a[href^=\"javascript\"], [href*=\"javascript:\"], [src*=\"javascript:\"]').length === 0"), id + ': no javascript: link anywhere in the page');
    check(await evaluate('document.scripts.length === 2 && document.images.length === 1'), id + ': no script or image was added');
    check(await evaluate('window.__pwned === undefined'), id + ': nothing in the article ran');
    const eventId = await evaluate("(document.querySelector('.event-list a') || {}).hash || ''");
    if (eventId) {
      await go(base + eventId);
      await waitFor("document.querySelectorAll('.claims .claim').length > 0", 'the hostile article\'s event');
      check(await evaluate('window.__pwned === undefined && document.scripts.length === 2 && document.images.length === 1'), id + ': its event page ran nothing and added nothing');
      check(await evaluate("Array.from(document.querySelectorAll('.claims blockquote *')).every(e => e.tagName === 'MARK')"), id + ': quotes in context hold no element but highlights');
    } else {
      check(false, id + ': the reader found an event in the hostile article');
    }
  }
  const hostileTitle = await evaluate("(async () => { const r = await fetch('/api/articles/hostile-market-attack'); const d = await r.json(); return d.article.title; })()");
  await go(base + '#/article/hostile-market-attack');
  await waitFor("document.querySelector('h1') && document.querySelector('h1').textContent.includes('market')", 'the hostile title');
  check(await evaluate('document.querySelector("h1").textContent') === hostileTitle, 'a hostile title renders as text');
  check(await evaluate("document.querySelector('.facts .url') && document.querySelector('.facts .url').tagName === 'SPAN'"), 'a javascript: address is shown as text, not a link');

  // --- quotes only: a second server with --quotes-only shows the extractions, never the
  // article's text (the longest stretch of the text no extraction quotes must not appear)
  const full = JSON.parse((await httpGet(host, '/api/articles/kokorou-ambush')).body);
  const chars = Array.from(full.text);
  const covered = new Array(chars.length).fill(false);
  for (const sp of full.spans) if (sp.start !== null && sp.end !== null) for (let i = sp.start; i < sp.end; i++) covered[i] = true;
  let best = '';
  for (let i = 0, j; i < chars.length; i = j + 1) {
    for (j = i; j < chars.length && !covered[j]; j++);
    const run = chars.slice(i, j).join('').trim();
    if (run.length > best.length) best = run;
  }
  const quotesHost = await startServer(['--quotes-only']);
  const q = JSON.parse((await httpGet(quotesHost, '/api/articles/kokorou-ambush')).body);
  check(q.text === null && q.quotes_only === true && q.spans.length === full.spans.length, '--quotes-only: the API gives the quotes, not the text', { text: typeof q.text, spans: q.spans.length });
  await go('http://' + quotesHost + '/#/article/kokorou-ambush');
  await waitFor("document.querySelectorAll('table.extractions tbody tr').length > 0", 'the quotes-only article page');
  const page_ = await evaluate('document.body.textContent');
  check(best.length > 40 && !page_.includes(best) && (await evaluate("document.querySelector('.article-text') === null")), '--quotes-only: the article page shows no text beyond the quotes', best.slice(0, 80));

  // --- a phone
  await s('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
  for (const route of ['#/', '#/event/' + encodeURIComponent((await evaluate("fetch('/api/events?limit=1').then(r => r.json()).then(d => d.events[0].id)"))), '#/article/hostile-market-attack', '#/articles']) {
    // each page titles itself when drawn: wait for that, not for the last page's content
    await evaluate("document.title = 'navigating', true");
    await go(base + route);
    await waitFor("document.title !== 'navigating' && document.querySelectorAll('table tbody tr, .claims .claim, .article-text').length > 0", 'phone view ' + route);
    await new Promise((r) => setTimeout(r, 150));
    const overflow = await evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    // on failure: which parts of the page, hidden, end the overflow
    const wide = overflow <= 1 ? [] : await evaluate("(() => { const W = () => document.documentElement.scrollWidth; const base = W(); return Array.from(document.querySelectorAll('main *')).filter((c) => { const d = c.style.display; c.style.display = 'none'; const w = W(); c.style.display = d; return w < base; }).slice(-3).map((c) => c.tagName + '.' + c.className + ': ' + c.textContent.slice(0, 60)); })()");
    check(overflow <= 1, 'on a phone, ' + route + ' does not scroll sideways', { overflow, wide });
  }
  await s('Emulation.clearDeviceMetricsOverride');

  check(problems.length === 0, 'no script error, console error or CSP report', problems);
  const exited = new Promise((r) => b.proc.once('exit', r));
  await b.send('Browser.close').catch(() => {});
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

main()
  .then(() => {
    console.log(failures ? `${failures} check(s) failed` : 'all browser checks passed');
    process.exit(failures ? 1 : 0);
  })
  .catch((e) => {
    console.error('browser test: ' + (e && e.stack ? e.stack : e));
    process.exit(1);
  });
