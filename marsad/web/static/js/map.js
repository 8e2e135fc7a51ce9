// Events on a bundled world basemap (world-atlas, Natural Earth 1:50m), clustered on screen.
import { getJSON, params } from './api.js';
import { esc, typeColor, TYPES } from './labels.js';
import { flatCard } from './cards.js';

const CELL = 38; // px: points closer than this on screen merge into one cluster
let worldPromise = null;

function loadWorld() {
  worldPromise = worldPromise || fetch('/static/vendor/countries-50m.json').then((r) => {
    if (!r.ok) throw new Error('basemap missing: run make web-assets');
    return r.json();
  }).then((topo) => topojson.feature(topo, topo.objects.countries));
  return worldPromise;
}

export class EventMap {
  /** @param {HTMLElement} el map container  @param {HTMLElement} cardEl where event cards go */
  constructor(el, cardEl, legendEl) {
    this.el = el; this.cardEl = cardEl; this.legendEl = legendEl;
    this.points = []; this.filter = {}; this.transform = d3.zoomIdentity;
  }

  async init() {
    const width = this.el.clientWidth || 800; const height = this.el.clientHeight || 430;
    this.width = width; this.height = height;
    this.projection = d3.geoMercator();
    // Default view: the Middle East and North Africa.
    this.projection.fitExtent([[10, 10], [width - 10, height - 10]],
      { type: 'MultiPoint', coordinates: [[-5, 12], [60, 42]] });
    const path = d3.geoPath(this.projection);
    this.svg = d3.select(this.el).append('svg').attr('viewBox', `0 0 ${width} ${height}`);
    this.gLand = this.svg.append('g');
    this.gPoints = this.svg.append('g');
    const world = await loadWorld();
    this.gLand.selectAll('path').data(world.features).join('path').attr('class', 'land').attr('d', path)
      .append('title').text((d) => d.properties.name);
    this.zoom = d3.zoom().scaleExtent([1, 60]).on('zoom', (ev) => {
      this.transform = ev.transform; this.gLand.attr('transform', ev.transform); this.drawClusters();
    });
    this.svg.call(this.zoom);
  }

  /** Show the server's aggregated points (``/api/stats`` "points"). */
  show(points, filter) {
    this.points = points.map((p) => ({ ...p, xy: this.projection([p.lon, p.lat]) }));
    this.filter = filter;
    this.cardEl.hidden = true;
    this.fit();
    this.drawClusters();
    const types = [...new Set(points.map((p) => p.type))];
    this.legendEl.innerHTML = types.map((t) => `<span><i class="sw" style="background:${typeColor(t)}"></i>${esc((TYPES[t] || {}).ar || '')} <span class="en">${esc(t)}</span></span>`).join('');
  }

  /** Zoom to the points (at most 5x; the whole region when they are few or spread out). */
  fit() {
    if (!this.points.length) return;
    const xs = this.points.map((p) => p.xy[0]); const ys = this.points.map((p) => p.xy[1]);
    const [x0, x1, y0, y1] = [d3.min(xs), d3.max(xs), d3.min(ys), d3.max(ys)];
    const k = Math.max(1, Math.min(5, 0.6 * Math.min(this.width / (x1 - x0 + 1), this.height / (y1 - y0 + 1))));
    const t = d3.zoomIdentity.translate(this.width / 2 - k * (x0 + x1) / 2, this.height / 2 - k * (y0 + y1) / 2).scale(k);
    this.svg.call(this.zoom.transform, k > 1 ? t : d3.zoomIdentity);
  }

  /** Greedy screen-space clustering: biggest points first, each joins the first cluster within CELL px. */
  clusters() {
    const t = this.transform; const out = [];
    const pts = this.points.map((p) => ({ p, xy: t.apply(p.xy) })).sort((a, b) => b.p.n - a.p.n);
    for (const { p, xy } of pts) {
      let c = out.find((k) => (k.x0 - xy[0]) ** 2 + (k.y0 - xy[1]) ** 2 < CELL * CELL);
      if (!c) { c = { n: 0, x: 0, y: 0, x0: xy[0], y0: xy[1], members: [], byType: {} }; out.push(c); }
      c.n += p.n; c.x += xy[0] * p.n; c.y += xy[1] * p.n; c.members.push(p);
      c.byType[p.type] = (c.byType[p.type] || 0) + p.n;
    }
    return out.map((c) => ({
      ...c, x: c.x / c.n, y: c.y / c.n,
      types: Object.entries(c.byType).sort((a, b) => b[1] - a[1]),
      type: Object.entries(c.byType).sort((a, b) => b[1] - a[1])[0][0],
    }));
  }

  drawClusters() {
    if (!this.gPoints) return;
    const data = this.clusters();
    const r = (n) => Math.min(24, 6 + 3 * Math.sqrt(n));
    const pie = d3.pie().sort(null).value((d) => d[1]);
    const g = this.gPoints.selectAll('g.c').data(data).join((enter) => {
      const e = enter.append('g').attr('class', 'c');
      e.append('circle').attr('class', 'cluster');
      e.append('g').attr('class', 'ring');
      e.append('text').attr('class', 'cluster-label');
      return e;
    });
    g.attr('transform', (d) => `translate(${d.x},${d.y})`)
      .attr('data-places', (d) => d.members.map((m) => m.place).join('|'))
      .attr('data-type', (d) => d.type);
    g.select('circle').attr('r', (d) => r(d.n)).attr('fill', (d) => typeColor(d.type))
      .on('click', (ev, d) => this.openCluster(d));
    // A ring shows the mix of event types when a cluster holds more than one.
    g.select('g.ring').each(function ring(d) {
      const arc = d3.arc().innerRadius(r(d.n)).outerRadius(r(d.n) + 4);
      d3.select(this).selectAll('path').data(d.types.length > 1 ? pie(d.types) : []).join('path')
        .attr('d', arc).attr('fill', (a) => typeColor(a.data[0]));
    });
    g.select('text').text((d) => (d.n > 1 ? d3.format('.2~s')(d.n) : ''));
    g.selectAll('title').remove();
    g.append('title').text((d) => `${d.n} events · ${d.members.slice(0, 4).map((m) => m.place).join(', ')}\n`
      + d.types.slice(0, 5).map(([k, v]) => `${k} ${v}`).join(', '));
  }

  async openCluster(d) {
    this.cardEl.hidden = false;
    this.cardEl.innerHTML = '<div class="empty">…</div>';
    try {
      if (d.n === 1) {
        const one = await getJSON(`/api/events/${encodeURIComponent(d.members[0].event_id)}`);
        this.cardEl.innerHTML = flatCard(one.flat);
        return;
      }
      const lats = d.members.map((m) => m.lat); const lons = d.members.map((m) => m.lon);
      const pad = 0.03;
      const bbox = [d3.min(lons) - pad, d3.min(lats) - pad, d3.max(lons) + pad, d3.max(lats) + pad]
        .map((v) => v.toFixed(3)).join(',');
      const page = await getJSON('/api/events', params(this.filter, { bbox, limit: 20 }));
      this.cardEl.innerHTML = `<div class="facts">${page.total} أحداث هنا <span class="en">events here${page.total > 20 ? ', first 20 shown' : ''}</span></div>`
        + page.events.map(flatCard).join('');
    } catch (err) {
      this.cardEl.innerHTML = `<div class="empty">${esc(err.message)}</div>`;
    }
  }
}
