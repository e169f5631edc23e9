import { z } from './zod';

/** What the reader set: hosts that count as a site's own (keyed by the page's registrable domain), and preferences. */
export const settingsSchema = z.object({
  aliases: z.record(z.string().max(253), z.array(z.string().max(253)).max(100)).default({}),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Look up ages as soon as the popup opens (only once the reader has granted access to the linked sites). */
  autoLookup: z.boolean().default(false),
  /** The citation format the popup's export starts with and the context menu copies. */
  exportFormat: z
    .enum(['markdown', 'text', 'csv', 'json', 'bibtex', 'ris', 'csl-json', 'html'])
    .default('markdown'),
  /** How the popup shows "Other links" (menus, share buttons, script links): collapsed, open, or not at all. */
  otherLinks: z.enum(['collapsed', 'open', 'hidden']).default('collapsed'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings were unreadable and defaults were used instead. */
  notice?: string;
}

/** Validates stored settings; anything unreadable falls back to the defaults, with a notice, never an error. */
export function readSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS };
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return { settings: parsed.data };
  return {
    settings: DEFAULT_SETTINGS,
    notice: 'Your saved settings could not be read and were reset to the defaults.',
  };
}

/** A copy of the settings with `host` counted as part of `site`. */
export function withAlias(settings: Settings, site: string, host: string): Settings {
  const list = settings.aliases[site] ?? [];
  if (list.includes(host) || host === site) return settings;
  return { ...settings, aliases: { ...settings.aliases, [site]: [...list, host] } };
}

export function withoutAlias(settings: Settings, site: string, host: string): Settings {
  const list = (settings.aliases[site] ?? []).filter((h) => h !== host);
  const aliases = { ...settings.aliases };
  if (list.length) aliases[site] = list;
  else delete aliases[site];
  return { ...settings, aliases };
}
