import { describe, expect, it } from 'vitest';
import { hostInfo } from '../../../lib/domains/host-info';
import { displayHost } from '../../../lib/domains/idn';

describe('hostInfo', () => {
  it.each([
    ['gdb.rferl.org', 'rferl.org'],
    ['pennyforyourthoughts2.blogspot.com', 'pennyforyourthoughts2.blogspot.com'],
    ['arabisouri.wordpress.com', 'wordpress.com'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['192.168.1.20', '192.168.1.20'],
    ['localhost', 'localhost'],
    ['WWW.Example.ORG.', 'example.org'],
  ])('%s → %s', (host, domain) => {
    expect(hostInfo(host).domain).toBe(domain);
  });
});

describe('displayHost', () => {
  it('shows honest internationalised hosts in Unicode', () => {
    expect(displayHost('xn--mnchen-3ya.de')).toEqual({
      display: 'münchen.de',
      unicode: 'münchen.de',
      deceptive: false,
    });
    expect(displayHost('xn--e1afmkfd.xn--p1ai').display).toBe('пример.рф');
    expect(displayHost('xn--wgv71a119e.jp').deceptive).toBe(false);
  });

  it('keeps look-alike hosts in punycode', () => {
    // "аррӏе.com" in Cyrillic letters only
    expect(displayHost('xn--80ak6aa92e.com')).toMatchObject({
      display: 'xn--80ak6aa92e.com',
      deceptive: true,
    });
    // Latin "paypal" with a Cyrillic "а"
    const mixed = new URL('https://p\u0430ypal.com').hostname;
    expect(displayHost(mixed)).toMatchObject({ display: mixed, deceptive: true });
    expect(displayHost('example.org')).toEqual({
      display: 'example.org',
      unicode: 'example.org',
      deceptive: false,
    });
  });
});
