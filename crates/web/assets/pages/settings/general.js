// Settings → General: the API key (to copy into other apps), the UI's
// login, the log level and the backups (Radarr's host config, saved
// together), and what comes from flags, read-only.
import { esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';

const methods = [['forms', 'Forms (login page)'], ['none', 'None'], ['external', 'External (a proxy signs in)']];
const required = [['enabled', 'Enabled'], ['disabledForLocalAddresses', 'Disabled for local addresses']];
const levels = [['trace', 'Trace'], ['debug', 'Debug'], ['info', 'Info'], ['warn', 'Warn'], ['error', 'Error']];
const saved = ['authenticationMethod', 'authenticationRequired', 'username', 'password', 'passwordConfirmation', 'logLevel', 'backupFolder', 'backupInterval', 'backupRetention'];

const options = (list, value) => list.map(([v, l]) => `<option value="${v}" ${v === value ? 'selected' : ''}>${esc(l)}</option>`).join('');

// A full tracing filter set by flag or file is kept as its own choice.
const levelOptions = (level) => options(levels.some(([v]) => v === level) ? levels : [...levels, [level, level]], level);

// The clipboard API needs a secure context (https or localhost); elsewhere
// the key is selected so the user can copy it by hand.
async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    toast('API key copied');
  } catch {
    input.select();
    toast('Press Ctrl+C to copy the selected key');
  }
}

export async function render(main, context) {
  const { api } = context;
  const host = await api.get('/config/host');
  main.innerHTML = `
    ${heading(context)}
    <h2>Security</h2>
    <div class="form">
      <label for="gn-key">API key</label>
      <div class="toolbar tight"><input id="gn-key" name="apiKey" class="grow" value="${esc(host.apiKey)}" readonly spellcheck="false"><button type="button" name="copy">Copy</button></div>
      <span></span><p class="muted">Set with --api-key or RADARR__AUTH__APIKEY; otherwise kept in the data folder.</p>
    </div>
    <form class="form general" novalidate autocomplete="off">
      <h2 class="wide">Authentication</h2>
      <label for="gn-method">Authentication</label>
      <select id="gn-method" name="authenticationMethod" data-property="AuthenticationMethod">${options(methods, host.authenticationMethod)}</select>
      <label for="gn-required">Authentication required</label>
      <select id="gn-required" name="authenticationRequired" data-property="AuthenticationRequired">${options(required, host.authenticationRequired)}</select>
      <label for="gn-username">Username</label>
      <input id="gn-username" name="username" data-property="Username" value="${esc(host.username)}" autocomplete="username">
      <label for="gn-password">Password</label>
      <input id="gn-password" name="password" data-property="Password" type="password" value="${esc(host.password)}" autocomplete="new-password">
      <label for="gn-confirm">Confirm password</label>
      <input id="gn-confirm" name="passwordConfirmation" data-property="PasswordConfirmation" type="password" autocomplete="new-password">
      <h2 class="wide">Logging</h2>
      <label for="gn-level">Log level</label>
      <select id="gn-level" name="logLevel" data-property="LogLevel">${levelOptions(host.logLevel)}</select>
      <span></span><p class="help muted">Applies at once; kept in config.toml (a --log-level flag or RADARR__LOG__LEVEL wins at the next start).</p>
      <h2 class="wide">Backups</h2>
      <label for="gn-folder">Folder</label>
      <input id="gn-folder" name="backupFolder" data-property="BackupFolder" value="${esc(host.backupFolder)}" spellcheck="false">
      <span></span><p class="help muted">Relative to the data folder, or an absolute path.</p>
      <label for="gn-interval">Interval (days)</label>
      <input id="gn-interval" name="backupInterval" data-property="BackupInterval" type="number" min="1" max="7" value="${esc(host.backupInterval)}">
      <label for="gn-retention">Retention (days)</label>
      <input id="gn-retention" name="backupRetention" data-property="BackupRetention" type="number" min="1" max="90" value="${esc(host.backupRetention)}">
      <span></span><button type="submit" class="primary">Save</button>
    </form>
    <h2>Host</h2>
    <table><tbody>
      <tr><th scope="row">Instance name</th><td>${esc(host.instanceName)}</td></tr>
      <tr><th scope="row">Bind address</th><td>${esc(host.bindAddress)}</td></tr>
      <tr><th scope="row">Port</th><td>${esc(host.port)}</td></tr>
      <tr><th scope="row">URL base</th><td>${esc(host.urlBase || '(none)')}</td></tr>
    </tbody></table>
    <p class="muted">These come from flags or the environment and apply at start.</p>`;

  main.querySelector('button[name=copy]').addEventListener('click', () => copy(main.querySelector('#gn-key')));
  const form = main.querySelector('form.general');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changed = { ...host };
    for (const name of saved) changed[name] = form.elements[name].value;
    // Numbers as numbers; an empty box is sent as it is, for the server to refuse.
    for (const name of ['backupInterval', 'backupRetention']) if (changed[name] !== '') changed[name] = Number(changed[name]);
    try {
      Object.assign(host, await api.put('/config/host', changed));
      form.querySelectorAll('.field-error').forEach((e) => e.remove());
      form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
      form.elements.password.value = host.password;
      form.elements.passwordConfirmation.value = '';
      toast('Settings saved');
    } catch (error) {
      showFailures(form, error);
    }
  });
}
