// Addresses a crawler must not reach unless the operator says so (pentest finding 13): a source that
// points at, or redirects to, the cloud metadata service, a private network or the machine itself
// would turn the crawler into a way into the network it runs in.
import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local, shared (CGNAT), unspecified, multicast and reserved ranges. */
const PRIVATE: readonly string[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8',
];

const privateList = blockListOf(PRIVATE);

/** A CIDR (`10.0.0.0/8`, `fd00::/8`) or a single address, as `allowPrivateNetworks` takes them. */
export function isNetwork(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Decides, for one theme, whether an address may be reached: public ones always, the others only
 *  where the theme's `allowPrivateNetworks` lists them. */
export interface AddressPolicy { refuses(address: string): boolean }

export function addressPolicy(allowed: readonly string[]): AddressPolicy {
  const allowList = blockListOf(allowed);
  return {
    refuses(address) {
      const plain = unmapped(address);
      const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
      return privateList.check(plain, family) && !allowList.check(plain, family);
    },
  };
}

/** The addresses a URL's host stands for without asking DNS: an IP literal, or loopback for
 *  `localhost` (browsers never ask DNS for it); null for any other name. */
export function literalAddresses(hostname: string): string[] | null {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIP(host) !== 0) return [host];
  if (host === 'localhost' || host.endsWith('.localhost')) return ['127.0.0.1', '::1'];
  return null;
}

/** `::ffff:169.254.169.254` is the IPv4 address it maps, and must be judged as that. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function blockListOf(networks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const network of networks) {
    const [address = '', prefix] = network.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}
