// The background worker does one thing: age look-ups the reader asked for (fetches need to outlive the popup and
// are bounded, cached and cancellable there). It never reads pages and holds no state beyond the cache.
import { defineBackground } from '#imports';
import { serveLookups } from '../lib/extension/lookups';

export default defineBackground(() => {
  serveLookups();
});
