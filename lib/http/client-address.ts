// Who is on the other end of the connection. Next.js itself only fills `x-forwarded-for` when the client did
// not send one, so that header proves nothing. The process `npm start` runs (server.ts) writes the socket's
// address into REMOTE_ADDR_HEADER on every request, overwriting whatever the client sent; when the header
// is missing (the app was started some other way) callers must treat the client as remote: fail closed.
import ipaddr from "ipaddr.js";

export const REMOTE_ADDR_HEADER = "x-pe-remote-addr";

/** The client's address as the server saw it, or null when no trusted server wrote it. */
export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  // Under plain `next start` the header is whatever the client sent: it proves nothing.
  if (env[REMOTE_ADDR_SERVER_ENV] !== "1") return null;
  const value = headers.get(REMOTE_ADDR_HEADER)?.trim();
  return value && ipaddr.isValid(value) ? ipaddr.process(value).toString() : null;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback; anything else (or an unparsable value) is not loopback. */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "loopback";
}

/**
 * server.ts sets this variable to "1" in its own process before it serves: only then was
 * REMOTE_ADDR_HEADER written by us. Under plain `next start` a client could send the header itself.
 */
export const REMOTE_ADDR_SERVER_ENV = "PE_REMOTE_ADDR_SERVER";

/** The address server.ts writes for one request: the right-most X-Forwarded-For entry behind a trusted proxy. */
export function remoteAddressFor(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const last = forwardedFor?.split(",").pop()?.trim();
    if (last && ipaddr.isValid(last)) return ipaddr.process(last).toString();
  }
  return socketAddress ?? "";
}
