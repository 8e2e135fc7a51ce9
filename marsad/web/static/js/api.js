// Talking to the Marsad API, and the shared filter state of the dashboard.

export const FILTER_KEYS = ['date_from', 'date_to', 'event_type', 'quad', 'status', 'actor_country', 'country',
  'actor', 'recipient', 'place', 'q', 'min_confidence', 'doc_id', 'bbox', 'mode'];

/** URLSearchParams from a filter object (empty values dropped) plus extras. */
export function params(filter, extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) {
    if (v !== undefined && v !== null && v !== '') p.set(k, v);
  }
  return p;
}

/** GET a JSON API path; throws an Error carrying the server's reason. */
export async function getJSON(path, query) {
  const url = query && [...query].length ? `${path}?${query}` : path;
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(detail(body, r.status));
  return body;
}

/** POST a JSON body; returns the parsed reply or throws with the reason. */
export async function postJSON(path, body, query) {
  const url = query ? `${path}?${query}` : path;
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const reply = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(detail(reply, r.status));
  return reply;
}

function detail(body, status) {
  const d = body.detail;
  if (Array.isArray(d)) return d.map((e) => `${(e.loc || []).slice(-1)[0]}: ${e.msg}`).join('; ');
  return d || `HTTP ${status}`;
}

/** Read the route and filter from location.hash ("#/events?event_type=ASSAULT"). */
export function readHash() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/events').split('?');
  const parts = path.split('/').filter(Boolean);
  const q = new URLSearchParams(query || '');
  const filter = {};
  for (const k of FILTER_KEYS) if (q.get(k)) filter[k] = q.get(k);
  return { view: parts[0] || 'events', arg: parts[1] ? decodeURIComponent(parts[1]) : null, filter, query: q };
}

/** Go to a view with a filter, through the hash (so views are linkable). */
export function go(view, filter = {}, extra = {}) {
  const p = params(filter, extra).toString();
  location.hash = `#/${view}${p ? `?${p}` : ''}`;
}
