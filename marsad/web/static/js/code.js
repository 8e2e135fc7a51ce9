// The live coding page: paste Arabic text or a URL, see it coded.
import { postJSON } from './api.js';
import { esc } from './labels.js';
import { renderArticle } from './article.js';

export function bindCodeForm(form, statusEl, targets) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = form.text.value.trim(); const url = form.url.value.trim();
    const body = text ? { text } : { url };
    if (form.published.value) body.published = `${form.published.value}T12:00:00`;
    statusEl.className = 'status-line'; statusEl.textContent = 'جارٍ الترميز… coding…';
    try {
      const reply = await postJSON('/api/code', body, form.store.checked ? 'store=true' : '');
      const rec = reply.record;
      statusEl.innerHTML = `${rec.events.length} أحداث <span class="en">events in ${reply.seconds} s${reply.stored ? ` · stored: ${esc(JSON.stringify(reply.stored))}` : ''}</span>`;
      renderArticle(rec, targets, null);
    } catch (err) {
      statusEl.className = 'status-line error'; statusEl.textContent = err.message;
    }
  });
}
