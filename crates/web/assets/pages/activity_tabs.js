// The Activity area's tabs (Queue, History, Blocklist), shown atop each of
// its pages, the current one marked.
import { esc } from '../app.js';

const TABS = [['queue', 'Queue'], ['history', 'History'], ['blocklist', 'Blocklist']];

export function activityTabs(link, current) {
  return `<nav class="tabs" aria-label="Activity">
    ${TABS.map(([key, label]) => `<a href="${esc(link(`/activity/${key}`))}"${key === current ? ' aria-current="page"' : ''}>${label}</a>`).join('')}
  </nav>`;
}
