/**
 * A snapshot of IANA's RDAP bootstrap file for domains (https://data.iana.org/rdap/dns.json, RFC 9224), cut down
 * to the top-level domains links most often point into, in IANA's own format. The full file is fetched from IANA
 * at the first domain look-up and kept (refreshed weekly); this snapshot answers until then, or when IANA cannot
 * be reached. Country domains whose registries run no RDAP service (.de, .ru, .jp, …) are absent in IANA's file
 * too: their domain age is shown as unknown.
 */
export const RDAP_BOOTSTRAP_SNAPSHOT = {
  description:
    'RDAP bootstrap file for Domain Name System registrations (Link Context snapshot, most-cited TLDs)',
  publication: '2026-10-01T00:00:00Z',
  services: [
    [['com'], ['https://rdap.verisign.com/com/v1/']],
    [['net'], ['https://rdap.verisign.com/net/v1/']],
    [['org'], ['https://rdap.publicinterestregistry.org/rdap/']],
    [
      ['info', 'io', 'ai', 'pro', 'mobi', 'red', 'blue', 'kim', 'pink', 'onl'],
      ['https://rdap.identitydigital.services/rdap/'],
    ],
    [['app', 'dev', 'page', 'new', 'how', 'soy'], ['https://pubapi.registry.google/rdap/']],
    [
      ['online', 'site', 'tech', 'store', 'fun', 'space', 'website', 'press', 'host', 'uno'],
      ['https://rdap.radix.host/rdap/'],
    ],
    [['xyz', 'college', 'rent', 'security', 'theatre'], ['https://rdap.centralnic.com/xyz/']],
    [['uk'], ['https://rdap.nominet.uk/uk/']],
    [['nl'], ['https://rdap.sidn.nl/']],
    [['no'], ['https://rdap.norid.no/']],
    [['cz'], ['https://rdap.nic.cz/']],
    [['pl'], ['https://rdap.dns.pl/']],
    [['fr', 're', 'pm', 'tf', 'wf', 'yt'], ['https://rdap.nic.fr/']],
    [['br'], ['https://rdap.registro.br/']],
    [['ca'], ['https://rdap.ca.fury.ca/rdap/']],
    [['be'], ['https://rdap.dnsbelgium.be/']],
  ],
} as const;
