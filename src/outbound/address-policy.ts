// Which network addresses the server may connect to on a tenant's behalf (README: "Outbound requests").
// Tenants type URLs in (directory hosts, webhook receivers); without this policy such a URL
// could reach the operator's private network, the cloud metadata service or the server
// itself. Only public unicast addresses pass; ipaddr.js classifies the address (every
// written form: IPv4-mapped IPv6, decimal, hex and short IPv4 are normalized first).
import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /** ALLOW_PRIVATE_NETWORK_TARGETS=true: development, and tests against loopback stand-ins. */
  allowPrivateNetworkTargets: boolean;
}

/** The ipaddr.js range of an address, with IPv4-mapped IPv6 judged as the IPv4 it carries. */
function rangeOf(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range();
}

/**
 * Public unicast only. Loopback, private, link-local (cloud metadata), shared (100.64/10),
 * multicast, broadcast, unspecified, reserved and the IPv6 transition ranges that embed an
 * IPv4 address (6to4, NAT64, Teredo) are all refused.
 */
export function isAllowedAddress(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivateNetworkTargets) return true;
  return rangeOf(address) === 'unicast';
}

/** The URL host without IPv6 brackets and a trailing dot ("[::1]" → "::1", "a.b." → "a.b"). */
export function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * True when the URL's host is refused without any DNS lookup: `localhost` (and its
 * subdomains, which resolvers send to loopback) or a literal address outside the policy.
 * Host names are judged later, on the address each connection resolves to.
 */
export function isRefusedLiteralHost(url: URL, policy: AddressPolicy): boolean {
  if (policy.allowPrivateNetworkTargets) return false;
  const host = bareHost(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return ipaddr.isValid(host) && !isAllowedAddress(host, policy);
}
