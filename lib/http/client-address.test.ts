import { afterEach, describe, expect, it } from "vitest";
import {
  clientAddress,
  SOCKET_ADDRESS_ENV,
  SOCKET_ADDRESS_HEADER,
  trustedProxies,
  UNKNOWN_ADDRESS,
} from "./client-address";

const request = (socket: string | null, forwarded?: string) => ({
  headers: new Headers({
    ...(socket === null ? {} : { [SOCKET_ADDRESS_HEADER]: socket }),
    ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
  }),
});

describe("clientAddress", () => {
  afterEach(() => {
    delete process.env.WIKI_TRUSTED_PROXIES;
    delete process.env[SOCKET_ADDRESS_ENV];
  });

  it("is the socket's address, never a header the client wrote, without trusted proxies", () => {
    process.env[SOCKET_ADDRESS_ENV] = "1";
    expect(clientAddress(request("::ffff:192.0.2.1", "203.0.113.9"))).toBe("192.0.2.1");
    expect(
      clientAddress({ headers: { [SOCKET_ADDRESS_HEADER]: "2001:DB8::1", "x-forwarded-for": "203.0.113.9" } }),
    ).toBe("2001:db8::1");
  });

  it("is one shared constant when serve.mjs did not vouch for the header (next dev)", () => {
    expect(clientAddress(request("192.0.2.1"))).toBe(UNKNOWN_ADDRESS);
  });

  it("walks X-Forwarded-For from the right past trusted proxies (addresses, CIDRs)", () => {
    process.env[SOCKET_ADDRESS_ENV] = "1";
    process.env.WIKI_TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8, fd00::/8";
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"))).toBe("198.51.100.7");
    expect(clientAddress(request("::ffff:127.0.0.1", "fd00::5"))).toBe("fd00::5");
    expect(clientAddress(request("127.0.0.1", "garbage, 198.51.100.8"))).toBe("198.51.100.8");
    // A request straight from an untrusted peer: its header is its own claim.
    expect(clientAddress(request("198.51.100.9", "10.0.0.1"))).toBe("198.51.100.9");
    // Only proxies all the way: the leftmost entry.
    expect(clientAddress(request("127.0.0.1", "10.0.0.2"))).toBe("10.0.0.2");
  });

  it("takes the entry a given number of hops in", () => {
    process.env[SOCKET_ADDRESS_ENV] = "1";
    process.env.WIKI_TRUSTED_PROXIES = "1";
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.7"))).toBe("198.51.100.7");
    expect(clientAddress(request("127.0.0.1"))).toBe("127.0.0.1");
    process.env.WIKI_TRUSTED_PROXIES = "2";
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.1"))).toBe("198.51.100.7");
  });

  it("refuses a setting it cannot read", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.example")).toThrow(/cannot read "proxy.example"/);
    expect(() => trustedProxies("10.0.0.0/x")).toThrow(/cannot read/);
    expect(trustedProxies("0")).toBeNull();
  });
});
