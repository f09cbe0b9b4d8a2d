// Who is on the other end of the connection. Next.js itself only fills `x-forwarded-for` when the client did
// not send one, so that header proves nothing. The process `npm start` runs (server.ts) writes the socket's
// address into REMOTE_ADDR_HEADER on every request, overwriting whatever the client sent; when the header
// is missing (the app was started some other way) callers must treat the client as remote: fail closed.
import ipaddr from "ipaddr.js";

export const REMOTE_ADDR_HEADER = "x-pe-remote-addr";

/** The client's address as the server saw it, or null when no trusted server wrote it. */
export function clientAddress(headers: Headers): string | null {
  const value = headers.get(REMOTE_ADDR_HEADER)?.trim();
  return value && ipaddr.isValid(value) ? ipaddr.process(value).toString() : null;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback; anything else (or an unparsable value) is not loopback. */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "loopback";
}
