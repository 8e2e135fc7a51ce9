// The sortable, paged events table.
import { getJSON, params } from './api.js';
import { count, esc, party, typeTag } from './labels.js';

const COLUMNS = [
  { key: 'date', ar: 'التاريخ', en: 'Date', sort: 'date', cell: (e) => `<td class="date">${esc(e.event_date || '')}</td>` },
  { key: 'type', ar: 'النوع', en: 'Type', sort: 'event_type', cell: (e) => `<td>${typeTag(e.event_type)}<div class="en">${esc(e.mode || '')}</div></td>` },
  { key: 'actor', ar: 'الفاعل', en: 'Actor', sort: 'actor_country', cell: (e) => `<td>${party(e.actor_text, e.actor_label_en, e.actor_country)}</td>` },
  { key: 'recipient', ar: 'المتلقي', en: 'Recipient', sort: 'recipient_country', cell: (e) => `<td>${party(e.recipient_text, e.recipient_label_en, e.recipient_country)}</td>` },
  { key: 'place', ar: 'المكان', en: 'Place', sort: 'place', cell: (e) => `<td>${party(e.place_text, e.place_name_en, e.country_code)}</td>` },
  { key: 'killed', ar: 'قتلى', en: 'Killed', sort: 'fatalities', cell: (e) => `<td class="num">${count(e.fatalities, e.fatalities_qualifier)}</td>` },
  { key: 'conf', ar: 'الثقة', en: 'Conf.', sort: 'confidence', cell: (e) => `<td class="num">${(+e.confidence || 0).toFixed(2)}</td>` },
  { key: 'sentence', ar: 'الجملة', en: 'Evidence', cell: (e) => `<td class="sentence">${highlight(e)}</td>` },
];

/** The sentence with its trigger in bold (offsets are into the article text). */
function highlight(e) {
  const s = e.sentence_text || '';
  const a = e.trigger_start - e.sentence_start; const b = e.trigger_end - e.sentence_start;
  const body = (a >= 0 && b <= s.length && a < b)
    ? `${esc(s.slice(0, a))}<mark class="ann trigger">${esc(s.slice(a, b))}</mark>${esc(s.slice(b))}`
    : esc(s);
  return `<a href="#/article/${encodeURIComponent(e.doc_id)}?event=${encodeURIComponent(e.event_id)}" class="row-link">${body}</a>`;
}

export class EventsTable {
  /** @param {HTMLTableElement} table  @param {object} pager elements {prev, next, info} */
  constructor(table, pager) {
    this.table = table; this.pager = pager;
    this.sort = '-date'; this.offset = 0; this.limit = 25; this.filter = {};
    pager.prev.addEventListener('click', () => { this.offset = Math.max(0, this.offset - this.limit); this.load(); });
    pager.next.addEventListener('click', () => { this.offset += this.limit; this.load(); });
    // A click anywhere on a row opens its evidence, like the sentence link does.
    table.tBodies[0].addEventListener('click', (ev) => {
      const row = ev.target.closest('tr[data-event]');
      if (row && !ev.target.closest('a')) location.hash = row.querySelector('a.row-link').getAttribute('href');
    });
    this.renderHead();
  }

  renderHead() {
    const key = this.sort.replace(/^-/, '');
    this.table.tHead.innerHTML = `<tr>${COLUMNS.map((c) => {
      const cls = [c.sort && 'sortable', c.sort === key && 'sorted', c.sort === key && !this.sort.startsWith('-') && 'asc'].filter(Boolean).join(' ');
      return `<th class="${cls}" data-sort="${c.sort || ''}">${c.ar} <span class="en">${c.en}</span></th>`;
    }).join('')}</tr>`;
    this.table.tHead.querySelectorAll('th.sortable').forEach((th) => th.addEventListener('click', () => {
      const s = th.dataset.sort;
      this.sort = this.sort === `-${s}` ? s : `-${s}`;
      this.offset = 0; this.renderHead(); this.load();
    }));
  }

  show(filter) { this.filter = filter; this.offset = 0; return this.load(); }

  async load() {
    const body = this.table.tBodies[0];
    try {
      const page = await getJSON('/api/events', params(this.filter, { sort: this.sort, limit: this.limit, offset: this.offset }));
      body.innerHTML = page.events.length
        ? page.events.map((e) => `<tr data-event="${esc(e.event_id)}">${COLUMNS.map((c) => c.cell(e)).join('')}</tr>`).join('')
        : `<tr><td colspan="${COLUMNS.length}" class="empty">لا أحداث تطابق المرشحات <span class="en">No events match the filters</span></td></tr>`;
      const last = Math.min(page.offset + page.limit, page.total);
      this.pager.info.innerHTML = `<span dir="ltr">${page.total ? page.offset + 1 : 0}–${last} / ${page.total.toLocaleString('en')}</span>`;
      this.pager.prev.disabled = page.offset === 0;
      this.pager.next.disabled = last >= page.total;
    } catch (err) {
      body.innerHTML = `<tr><td colspan="${COLUMNS.length}" class="empty">${esc(err.message)}</td></tr>`;
    }
  }
}
