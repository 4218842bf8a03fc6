// The client's address, for limits kept per address: failed authentications on /graphql,
// its WebSocket, and /oauth/token share one budget per address
// (README: "Edge: authentication, request IDs, limits, headers, metrics"; "OAuth", "Brute-force protection").
//
// `clientAddress` picks the address: the socket's, or behind TRUST_PROXY trusted reverse
// proxies the X-Forwarded-For entry the outermost trusted proxy appended. `addressKey`
// turns it into the key to count against: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6
// per /64 (the block one subscriber usually holds, so rotating through it gains nothing),
// and anything that is not an IP address into one shared key: a forwarded value is
// request-derived text, so it is neither a key of its own nor ever logged as it came.
import ipaddr from 'ipaddr.js';

/** Request headers by name: a Request, its Headers, or a lookup (e.g. over Node's IncomingMessage headers). */
export type HeaderSource = Request | Headers | ((name: string) => string | null | undefined);

function header(source: HeaderSource, name: string): string | null | undefined {
  if (typeof source === 'function') return source(name);
  return (source instanceof Headers ? source : source.headers).get(name);
}

/** The client's address: the socket's, or with `trustProxyHops` trusted proxies the matching X-Forwarded-For entry. */
export function clientAddress(source: HeaderSource, socketAddress: string | undefined, trustProxyHops: number): string | undefined {
  if (trustProxyHops <= 0) return socketAddress;
  const forwarded = (header(source, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? 'unknown'];
  return chain[Math.max(0, chain.length - 1 - trustProxyHops)];
}

/** Key of an absent address, and of one that is not an IP address. */
const UNKNOWN_ADDRESS = 'unknown';
const INVALID_ADDRESS = 'invalid';

/** `1.2.3.4:567` and `[2001:db8::1]:443` (some proxies forward the port) without the port. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  return v4 ? v4[1] : address;
}

/**
 * The key to count an address against: an IPv4 address in dotted decimal (IPv4-mapped
 * IPv6 unwrapped), an IPv6 address's /64 (`2001:db8:aa:bb::/64`), `unknown` without an
 * address, `invalid` for anything that is not an IP address. Never the input verbatim
 * unless it is a well-formed IPv4 address, so the key is safe to log.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return UNKNOWN_ADDRESS;
  const candidate = withoutPort(address.trim());
  if (ipaddr.IPv4.isValidFourPartDecimal(candidate)) return ipaddr.IPv4.parse(candidate).toString();
  if (!ipaddr.IPv6.isValid(candidate)) return INVALID_ADDRESS;
  const parsed = ipaddr.IPv6.parse(candidate);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address().toString();
  return `${parsed.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

/** addressKey(clientAddress(...)): the key of the request's client address. */
export function clientAddressKey(source: HeaderSource, socketAddress: string | undefined, trustProxyHops: number): string {
  return addressKey(clientAddress(source, socketAddress, trustProxyHops));
}
