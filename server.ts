// The production server `npm start` runs: Next.js's request handler on a plain node http server, so
// that we, not the client, say where a request came from. It binds 127.0.0.1 unless HOST is set, and
// writes the client's address into REMOTE_ADDR_HEADER on every request (README "Run it").
// Run it as one process, `node --import tsx server.ts`, so stopping it frees the port.
import { createServer } from "node:http";
import next from "next";
import { startupProblem } from "./lib/env";
import { REMOTE_ADDR_HEADER, REMOTE_ADDR_SERVER_ENV, remoteAddressFor } from "./lib/http/client-address";

async function main() {
  const problem = startupProblem();
  if (problem) {
    console.error(`Not starting: ${problem}`);
    process.exit(1);
  }
  const hostname = process.env.HOST?.trim() || "127.0.0.1";
  const port = Number(process.env.PORT || 3000);
  const trustProxy = process.env.TRUST_PROXY === "true";
  // Tells lib (the outbox rule) that REMOTE_ADDR_HEADER is ours: set before Next.js loads.
  process.env[REMOTE_ADDR_SERVER_ENV] = "1";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  const app = next({ dev: false, dir: __dirname, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    // Whatever the client sent under this name is discarded; only the socket (or our proxy) speaks.
    const forwarded = req.headers["x-forwarded-for"];
    req.headers[REMOTE_ADDR_HEADER] = remoteAddressFor(
      req.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trustProxy,
    );
    void handle(req, res);
  });
  server.on("error", (error) => {
    console.error(`Cannot listen on ${hostname}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
    console.log(`Listening on http://${shown}:${port}${trustProxy ? " (client address from X-Forwarded-For)" : ""}`);
  });
  // Open keep-alive connections would hold server.close() up: exit at once.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
