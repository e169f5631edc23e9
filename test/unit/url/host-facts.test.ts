import { expect, it } from 'vitest';
import { hostFact, hostRecord } from '../../../lib/url/host-facts';
import { hostOf, parseUrl, recordOf, withSearch } from '../../../lib/url/parts';

it('works a fact out once per host, null and false included, about the bare host', () => {
  const asked: string[] = [];
  const short = hostFact(({ bare }) => {
    asked.push(bare);
    return bare.length < 8 ? bare.length : null;
  });
  const wrapper = hostFact(({ bare }) => {
    asked.push(`w:${bare}`);
    return bare === 'y.org';
  });
  const a = hostRecord('WWW.X.org.');
  expect(a.bare).toBe('x.org');
  expect([short(a), short(a), wrapper(a), wrapper(a)]).toEqual([5, 5, false, false]);
  const b = hostRecord('news.example.com');
  expect([short(b), short(b)]).toEqual([null, null]);
  expect(asked).toEqual(['x.org', 'w:x.org', 'news.example.com']);
});

it('keeps one record per host name with the parts of its URLs, edited ones included', () => {
  const url = parseUrl('https://www.example.org/a?utm_source=x#top')!;
  expect(recordOf(url)).toBe(hostRecord('www.example.org'));
  expect(recordOf(withSearch(url, ''))).toBe(recordOf(url));
  expect(recordOf(new URL('https://www.example.org/b'))).toBe(recordOf(url));
  expect(hostOf(url)).toBe('example.org');
});
