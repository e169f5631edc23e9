import { render } from 'preact';
import { loadSettings, saveSettings } from '../../lib/extension/settings-store';

void loadSettings().then(({ settings }) => {
  if (settings.theme !== 'system') document.documentElement.dataset['theme'] = settings.theme;
});

import { SettingsPage } from '../../lib/ui/Settings';
import '../popup/style.css';

render(<SettingsPage api={{ load: loadSettings, save: saveSettings }} />, document.getElementById('app')!);
