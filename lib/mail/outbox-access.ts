// Who may read /dev/outbox. The outbox holds sign-in links, so reading it is signing in as anyone:
// it is served only to a developer on the same machine as a local, mail-less instance. Every
// condition must hold; anything unknown (a missing header, an unparsable URL) means no.
import { clientAddress, isLoopbackAddress, REMOTE_ADDR_SERVER_ENV } from "../http/client-address";

type Env = Record<string, string | undefined>;

export interface OutboxRequest {
  env: Env;
  headers: Headers;
}

/** localhost, 127.0.0.0/8, [::1] (a port is ignored); anything else, including other names, is not. */
export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host.trim()}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (hostname === "localhost") return true;
  return isLoopbackAddress(hostname.replace(/^\[|\]$/g, ""));
}

/** The public URL the app is configured with (NEXTAUTH_URL, else http://localhost:PORT) points at this machine. */
export function publicUrlIsLoopback(env: Env): boolean {
  const url = env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT || 3000}`;
  try {
    return isLoopbackHost(new URL(url).host);
  } catch {
    return false;
  }
}

/** Why the outbox is not readable for this request, or null when it is. */
export function outboxRefusal({ env, headers }: OutboxRequest): string | null {
  if (env.SMTP_URL?.trim()) return "mail goes over SMTP";
  if (env.APP_ENV === "production") return "APP_ENV=production";
  if (!publicUrlIsLoopback(env)) return "NEXTAUTH_URL is not a loopback address";
  if (env[REMOTE_ADDR_SERVER_ENV] !== "1") return "not served by server.ts, so the client address is unknown";
  if (!isLoopbackAddress(clientAddress(headers, env))) return "the request does not come from loopback";
  // DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 arrives from loopback too.
  if (!isLoopbackHost(headers.get("host"))) return "the Host header is not a loopback name";
  return null;
}

export function outboxReadable(request: OutboxRequest): boolean {
  return outboxRefusal(request) === null;
}
