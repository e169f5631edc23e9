import { browser } from 'wxt/browser';
import { type LoadedSettings, readSettings, type Settings, settingsSchema } from '../settings';

const KEY = 'settings';

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get(KEY).catch(() => ({}) as Record<string, unknown>);
  return readSettings((stored as Record<string, unknown>)[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settingsSchema.parse(settings) });
}
