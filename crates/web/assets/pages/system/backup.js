// System > Backup: the backups in the backup folder, newest first, each to
// download, restore or delete; "Back up now"; and a restore from a file.
// A restore takes effect when the server starts again, which the page says.
import { armed, esc, size, stamp, toast } from '../../app.js';
import { tabs } from '../system.js';

const KINDS = { manual: 'ok', scheduled: '', update: 'warn' };

function row(backup, api) {
  return `<tr data-id="${esc(backup.id)}">
    <td data-label="Name"><a href="${esc(api.fileUrl(backup.path))}" download data-plain>${esc(backup.name)}</a></td>
    <td data-label="Type"><span class="badge ${KINDS[backup.type] ?? ''}">${esc(backup.type)}</span></td>
    <td data-label="Size">${esc(size(backup.size))}</td>
    <td data-label="Time">${esc(stamp(backup.time))} UTC</td>
    <td class="actions">
      <button type="button" name="restore" aria-label="Restore ${esc(backup.name)}">Restore</button>
      <button type="button" name="delete" aria-label="Delete ${esc(backup.name)}">Delete</button>
    </td></tr>`;
}

export async function render(main, context) {
  const { api, live } = context;
  main.innerHTML = `
    <h1>System</h1>
    ${tabs(context, 'backup')}
    <p class="restart-note field-error ok" role="status" hidden></p>
    <div class="toolbar">
      <button type="button" class="primary" name="backup">Back up now</button>
    </div>
    <table class="wide backups cards"><thead><tr><th>Name</th><th>Type</th><th>Size</th><th>Time</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead><tbody></tbody></table>
    <h2>Restore from a file</h2>
    <form class="form upload" novalidate>
      <label for="bk-file">Backup (.zip)</label>
      <input id="bk-file" name="file" type="file" accept=".zip,.db" required>
      <span></span><button type="submit">Restore</button>
    </form>`;
  const body = main.querySelector('tbody');
  const note = main.querySelector('.restart-note');
  const backupButton = main.querySelector('[name=backup]');

  async function load() {
    const backups = await api.get('/system/backup');
    body.innerHTML = backups.length
      ? backups.map((b) => row(b, api)).join('')
      : '<tr><td colspan="5" class="muted">No backups yet.</td></tr>';
  }

  function restored() {
    note.textContent = 'Backup restored. Restart Unified-Radarr to apply it: until then it runs on what it had.';
    note.hidden = false;
    note.scrollIntoView({ block: 'nearest' });
  }

  // A backup ends here wherever it was started: the list follows it.
  let waiting = null;
  live.on('command', ({ resource }) => {
    if (!resource || resource.name !== 'Backup' || !['completed', 'failed'].includes(resource.status)) return;
    if (waiting === resource.id) {
      waiting = null;
      backupButton.disabled = false;
      toast(resource.message || (resource.status === 'completed' ? 'Backed up' : 'The backup failed'));
    }
    load();
  });

  backupButton.addEventListener('click', async () => {
    backupButton.disabled = true;
    try {
      const command = await api.post('/command', { name: 'Backup' });
      waiting = command.id;
      toast('Backing up…');
      if (['completed', 'failed'].includes(command.status)) {
        waiting = null;
        backupButton.disabled = false;
        await load();
      }
    } catch (error) {
      backupButton.disabled = false;
      toast(error.message);
    }
  });

  body.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name]');
    if (!button) return;
    const id = Number(button.closest('tr').dataset.id);
    try {
      if (button.name === 'delete') {
        if (!armed(button)) return;
        await api.del(`/system/backup/${id}`);
        toast('Backup deleted');
        await load();
      } else if (button.name === 'restore') {
        if (!armed(button, 'Really restore?')) return;
        await api.post(`/system/backup/restore/${id}`);
        restored();
        await load();
      }
    } catch (error) {
      toast(error.message);
    }
  });

  const form = main.querySelector('form.upload');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelectorAll('.field-error').forEach((e) => e.remove());
    const file = form.elements.file.files[0];
    const problem = (message) => {
      const p = document.createElement('p');
      p.className = 'field-error';
      p.textContent = message;
      form.elements.file.insertAdjacentElement('afterend', p);
    };
    if (!file) {
      problem('Choose a backup file first.');
      return;
    }
    try {
      await api.upload('/system/backup/restore/upload', file);
      form.reset();
      restored();
    } catch (error) {
      problem(error.message);
    }
  });

  await load();
}
