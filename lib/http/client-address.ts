import { BlockList, isIP } from "node:net";

/**
 * The header scripts/serve.mjs sets on every request from the socket's peer
 * address, after deleting any copy the client sent. Nothing else may set it.
 */
export const SOCKET_ADDRESS_HEADER = "x-wiki-client-address";

/**
 * Set by scripts/serve.mjs in its own process: only then is the header above
 * known to come from the socket. Without it (`next dev`, a bare `next start`)
 * the header could be the client's own, so it is ignored.
 */
export const SOCKET_ADDRESS_ENV = "WIKI_SOCKET_ADDRESS_HEADER";

/**
 * The address every request gets when the socket's is unknown (`npm run dev`,
 * which runs `next dev` rather than scripts/serve.mjs): all clients then share
 * one address for the per-address limits, which is safe, never spoofable.
 */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;

function header(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function")
    return (source as { get(name: string): string | null }).get(name);
  const value = (source as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" ? value : null;
}

/** "::ffff:192.0.2.1" (IPv4 on a dual-stack socket) as "192.0.2.1"; anything else as it is, lowercased. */
function canonical(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

type TrustedProxies = { hops: number } | { list: BlockList } | null;

let parsedFrom: string | undefined;
let parsed: TrustedProxies = null;

/**
 * `WIKI_TRUSTED_PROXIES`: a hop count ("1": one proxy in front, whose
 * X-Forwarded-For entry is the client), or addresses and CIDRs separated by
 * commas ("10.0.0.0/8, ::1"). Unset: no proxy is trusted. A malformed entry
 * stops the server rather than silently trusting nothing or everything.
 */
export function trustedProxies(setting = process.env.WIKI_TRUSTED_PROXIES): TrustedProxies {
  if (setting === parsedFrom) return parsed;
  const value = (setting ?? "").trim();
  let result: TrustedProxies = null;
  if (/^\d+$/.test(value)) result = Number(value) > 0 ? { hops: Number(value) } : null;
  else if (value) {
    const list = new BlockList();
    for (const entry of value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [address, prefix] = entry.split("/");
      const family = isIP(canonical(address));
      if (!family || (prefix !== undefined && !/^\d+$/.test(prefix)))
        throw new Error(
          `WIKI_TRUSTED_PROXIES: cannot read ${JSON.stringify(entry)} (an address, a CIDR like 10.0.0.0/8, or a hop count)`,
        );
      const type = family === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(canonical(address), type);
      else list.addSubnet(canonical(address), Number(prefix), type);
    }
    result = { list };
  }
  parsedFrom = setting;
  parsed = result;
  return result;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address for rate limits and sign-in throttling. It is the
 * socket's peer (as scripts/serve.mjs reports it) unless the deployment names
 * trusted proxies; then X-Forwarded-For is walked from the right, skipping
 * trusted proxies (or the given number of hops), and the first address not
 * vouched for is the client. Entries to the left of it are the client's own
 * claims and never read, so rotating the header escapes nothing.
 */
export function clientAddress(request: { headers: HeaderSource }): string {
  const socket = process.env[SOCKET_ADDRESS_ENV] === "1" ? header(request.headers, SOCKET_ADDRESS_HEADER) : null;
  if (!socket) return UNKNOWN_ADDRESS;
  const trusted = trustedProxies();
  if (!trusted) return canonical(socket);
  const forwarded = (header(request.headers, "x-forwarded-for") ?? "").split(",").map(canonical).filter(Boolean);
  // Nearest first: the socket's peer, then what each proxy appended.
  const chain = [canonical(socket), ...forwarded.reverse()];
  if ("hops" in trusted) return chain[Math.min(trusted.hops, chain.length - 1)];
  for (const address of chain) if (!isTrusted(trusted.list, address)) return address;
  return chain[chain.length - 1];
}
