// Dashboard entry: routes (#/events, #/network, #/article/ID, #/code) and wiring of the views.
import { getJSON, go, params, readHash } from './api.js';
import { esc, QUADS, STATUSES, TYPES, typeColor } from './labels.js';
import { EventsTable } from './table.js';
import { EventMap } from './map.js';
import { Timeline } from './timeline.js';
import { ActorNetwork } from './network.js';
import { bindTooltips, renderArticle } from './article.js';
import { bindCodeForm } from './code.js';

const $ = (id) => document.getElementById(id);
const form = $('filters');
let current = { view: null, filter: {} };

function fillSelects() {
  $('f-type').innerHTML += Object.entries(TYPES).map(([k, v]) => `<option value="${k}">${v.ar} · ${k}</option>`).join('');
  $('f-quad').innerHTML += Object.entries(QUADS).map(([k, v]) => `<option value="${k}">${v.ar} · ${v.en}</option>`).join('');
  $('f-status').innerHTML += Object.entries(STATUSES).map(([k, v]) => `<option value="${k}">${v} · ${k}</option>`).join('');
}

function formFilter() {
  const f = {};
  for (const el of form.elements) if (el.name && el.value.trim()) f[el.name] = el.value.trim();
  return f;
}

function setForm(filter) {
  for (const el of form.elements) if (el.name) el.value = filter[el.name] || '';
}

const views = {};

function eventsView() {
  const table = new EventsTable($('events-table'), { prev: $('p-prev'), next: $('p-next'), info: $('p-info') });
  const map = new EventMap($('map'), $('map-card'), $('map-legend'));
  const timeline = new Timeline($('timeline'), $('quad-legend'), (from, to) => {
    go('events', { ...current.filter, date_from: from || '', date_to: to || '' });
  });
  let mapReady = null;
  return async (filter) => {
    mapReady = mapReady || map.init();
    for (const [fmt, path] of [['csv', '/api/events?format=csv&'], ['geojson', '/api/events?format=geojson&'], ['polecat', '/api/export?format=polecat&'], ['acled', '/api/export?format=acled&']]) {
      $(`x-${fmt}`).href = path + params(filter);
    }
    const tableDone = table.show(filter);
    try {
      const { date_from: a, date_to: b, ...undated } = filter;
      const [stats, overall] = await Promise.all([
        getJSON('/api/stats', params(filter)),
        (a || b) ? getJSON('/api/stats', params(undated, { max_points: 1 })) : null,
      ]);
      $('counts').innerHTML = `<b>${stats.total.toLocaleString('en')}</b> حدثًا في <b>${stats.articles.toLocaleString('en')}</b> مقالًا
        <span class="en">events in articles${stats.first ? `, ${stats.first} – ${stats.last}` : ''}</span>`;
      timeline.show((overall || stats).per_day, [a, b]);
      typeBars(stats.per_type, filter);
      await mapReady;
      map.show(stats.points, filter);
    } catch (err) {
      $('counts').innerHTML = `<span class="status-line error">${esc(err.message)}</span>`;
    }
    await tableDone;
    document.body.dataset.ready = 'events';
  };
}

function typeBars(perType, filter) {
  const max = Math.max(1, ...perType.map((r) => r.n));
  $('type-bars').innerHTML = perType.map((r) => `<div class="bar" data-type="${esc(r.key)}">
      <span>${esc((TYPES[r.key] || {}).ar || '')} <span class="en">${esc(r.key)}</span></span>
      <span class="fill" style="width:${(100 * r.n) / max}%;background:${typeColor(r.key)}"></span>
      <span class="n">${r.n.toLocaleString('en')}</span></div>`).join('');
  $('type-bars').querySelectorAll('.bar').forEach((el) => el.addEventListener('click', () => {
    go('events', { ...filter, event_type: el.dataset.type });
  }));
}

async function route() {
  const { view, arg, filter, query } = readHash();
  document.body.dataset.ready = '';
  current = { view, filter };
  setForm(filter);
  for (const s of document.querySelectorAll('main > section')) s.hidden = s.id !== `view-${view}`;
  for (const a of document.querySelectorAll('nav a[data-view]')) a.classList.toggle('active', a.dataset.view === view);
  form.hidden = !['events', 'network'].includes(view);
  if (view === 'events') await views.events(filter);
  else if (view === 'network') { await views.network.show(filter); document.body.dataset.ready = 'network'; }
  else if (view === 'article') await showArticle(arg, query.get('event'));
  else if (view === 'code') document.body.dataset.ready = 'code';
  else go('events');
}

async function showArticle(docId, eventId) {
  const targets = { metaEl: $('article-meta'), textEl: $('article-text'), eventsEl: $('article-events') };
  try {
    const rec = await getJSON(`/api/articles/${encodeURIComponent(docId)}`);
    renderArticle(rec, targets, eventId);
  } catch (err) {
    targets.metaEl.innerHTML = `<div class="status-line error">${esc(err.message)}</div>`;
    targets.textEl.innerHTML = '';
  }
  document.body.dataset.ready = 'article';
}

let knownEvents = null;

/** Show the store's size; when a writer has added events since, offer to reload the view. */
async function health() {
  const el = $('store-status');
  try {
    const h = await getJSON('/api/health');
    const n = h.counts.events;
    el.textContent = `${n.toLocaleString('en')} events · ${h.counts.articles.toLocaleString('en')} articles · ${h.db}`;
    if (knownEvents !== null && n !== knownEvents) {
      el.insertAdjacentHTML('beforeend', ` <button id="reload" class="btn">↻ ${(n - knownEvents).toLocaleString('en')} new</button>`);
      $('reload').addEventListener('click', () => { knownEvents = n; health(); route(); });
    } else {
      knownEvents = n;
    }
  } catch (err) {
    el.textContent = err.message;
  }
}

function start() {
  if (!window.d3 || !window.topojson) {
    document.querySelector('main').insertAdjacentHTML('afterbegin',
      '<div class="panel status-line error">Dashboard assets are missing: run <code>make web-assets</code> (npm install at build time).</div>');
    return;
  }
  fillSelects();
  views.events = eventsView();
  views.network = new ActorNetwork($('network'), (key) => go('events', { ...current.filter, actor: key }));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); go(current.view === 'network' ? 'network' : 'events', formFilter()); });
  $('f-reset').addEventListener('click', () => go(current.view === 'network' ? 'network' : 'events', {}));
  bindTooltips(document.body, $('tooltip'));
  bindCodeForm($('code-form'), $('code-status'), { metaEl: $('code-meta'), textEl: $('code-text'), eventsEl: $('code-events') });
  window.addEventListener('hashchange', route);
  health();
  setInterval(health, 15000);
  route();
}

start();
