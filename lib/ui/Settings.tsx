import { useEffect, useState } from 'preact/hooks';
import { hostInfo } from '../domains/host-info';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from '../export/index';
import { type LoadedSettings, type Settings, withAlias, withoutAlias } from '../settings';
import { typedHost } from '../url/parse';

export interface SettingsApi {
  load(): Promise<LoadedSettings>;
  save(settings: Settings): Promise<void>;
}

export function SettingsPage({ api }: { api: SettingsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState('');
  const [site, setSite] = useState('');
  const [alias, setAlias] = useState('');
  useEffect(() => {
    api.load().then((loaded) => {
      setSettings(loaded.settings);
      if (loaded.notice) setNotice(loaded.notice);
    });
  }, [api]);
  if (!settings) return <main aria-busy="true">Loading…</main>;
  const update = (next: Settings, message: string) => {
    setSettings(next);
    api.save(next).then(
      () => setNotice(message),
      () => setNotice('Could not save.'),
    );
  };
  const add = (e: Event) => {
    e.preventDefault();
    // Aliases belong to the page's registrable domain, which is how the popup looks them up.
    const typed = typedHost(site);
    const s = typed ? hostInfo(typed).domain : null;
    const a = typedHost(alias);
    if (!s || !a) {
      setNotice('Enter two host names, like pennyforyourthoughts2.ca and myotherblog.net.');
      return;
    }
    update(withAlias(settings, s, a), `${a} now counts as ${s}’s own.`);
    setAlias('');
  };
  const sites = Object.entries(settings.aliases).sort(([a], [b]) => a.localeCompare(b));
  return (
    <main aria-busy="false">
      <h1>Link Context settings</h1>
      <p class="message" aria-live="polite">
        {notice}
      </p>
      <section>
        <h2>Sites that count as a site’s own</h2>
        <p class="muted">
          Links from a page on the first site to any of its other sites are self-citations. “Mine” in the
          popup adds them here.
        </p>
        {sites.length === 0 && <p class="muted">None yet.</p>}
        <ul class="aliases">
          {sites.map(([s, hosts]) => (
            <li key={s}>
              <strong>{s}</strong>:{' '}
              {hosts.map((h) => (
                <span key={h} class="alias">
                  {h}{' '}
                  <button
                    type="button"
                    aria-label={`Remove ${h} from ${s}`}
                    onClick={() => update(withoutAlias(settings, s, h), `Removed ${h}.`)}
                  >
                    ×
                  </button>
                </span>
              ))}
            </li>
          ))}
        </ul>
        <form class="add" onSubmit={add}>
          <label>
            Site{' '}
            <input
              value={site}
              onInput={(e) => setSite((e.target as HTMLInputElement).value)}
              placeholder="pennyforyourthoughts2.ca"
            />
          </label>
          <label>
            also owns{' '}
            <input
              value={alias}
              onInput={(e) => setAlias((e.target as HTMLInputElement).value)}
              placeholder="myotherblog.net"
            />
          </label>
          <button type="submit">Add</button>
        </form>
      </section>
      <section>
        <h2>Age look-ups</h2>
        <label class="check-setting">
          <input
            type="checkbox"
            checked={settings.autoLookup}
            onChange={(e) => {
              const autoLookup = (e.target as HTMLInputElement).checked;
              update(
                { ...settings, autoLookup },
                autoLookup
                  ? 'Ages will be looked up when the popup opens.'
                  : 'Ages are looked up only when you ask.',
              );
            }}
          />{' '}
          Look up ages as soon as the popup opens
        </label>
        <p class="muted">
          Only once you have allowed access to the linked sites (the first “Look up ages” asks). Each cited
          link is fetched without cookies; answers are kept for 30 days.
        </p>
      </section>
      <section>
        <h2>Citation format</h2>
        <p class="muted">
          What the popup’s Export starts with, and what “Copy citation list” in the page’s context menu
          copies.
        </p>
        <Choice
          label="Citation format"
          value={settings.exportFormat}
          options={EXPORT_FORMAT_NAMES.map((f) => [f, EXPORT_FORMATS[f].label] as const)}
          onChoose={(exportFormat) =>
            update(
              { ...settings, exportFormat },
              `Citation lists will be ${EXPORT_FORMATS[exportFormat].label}.`,
            )
          }
        />
      </section>
      <section>
        <h2>Other links</h2>
        <p class="muted">
          Menus, sidebars, share and login buttons, in-page anchors and script links: the links a page has but
          does not cite.
        </p>
        <Choice
          label="Other links"
          value={settings.otherLinks}
          options={OTHER_LINKS}
          onChoose={(otherLinks) => update({ ...settings, otherLinks }, OTHER_LINKS_SAVED[otherLinks])}
        />
      </section>
      <section>
        <h2>Theme</h2>
        <Choice
          label="Theme"
          value={settings.theme}
          options={THEMES}
          onChoose={(theme) => update({ ...settings, theme }, 'Theme saved.')}
        />
      </section>
    </main>
  );
}

const OTHER_LINKS_SAVED: Record<Settings['otherLinks'], string> = {
  collapsed: 'Other links will be listed last, collapsed.',
  open: 'Other links will be listed last, open.',
  hidden: 'Other links will not be listed unless you turn on their chip.',
};

const OTHER_LINKS: ReadonlyArray<readonly [Settings['otherLinks'], string]> = [
  ['collapsed', 'Listed last, collapsed'],
  ['open', 'Listed last, open'],
  ['hidden', 'Not listed (the “Other links” chip shows them)'],
];

const THEMES: ReadonlyArray<readonly [Settings['theme'], string]> = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** A labelled choice among fixed values. */
function Choice<T extends string>({
  label,
  value,
  options,
  onChoose,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChoose(value: T): void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChoose((e.target as HTMLSelectElement).value as T)}
    >
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}
