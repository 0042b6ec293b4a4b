import ipaddr from "ipaddr.js";

/**
 * Whether an IP address is on the public internet: ipaddr.js's "unicast"
 * range after unwrapping IPv4-mapped IPv6. Everything else is refused as a
 * citation fetch target: loopback, private (RFC 1918, unique local), link
 * local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * reserved, and the IPv6 ranges that embed an IPv4 address (6to4, Teredo,
 * NAT64), which could name a private one. Pure.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Whether a URL's host is written as an IP address (IPv6 in brackets) rather than a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(":") || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}
