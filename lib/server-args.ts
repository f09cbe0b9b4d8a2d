// The Node.js flags the production server runs with. `npm start` (lib/cli/start.ts), the Playwright suite's servers
// (playwright.config.ts, e2e/servers.ts) and the benchmarks' (lib/load/built-server.ts) pass them; so does
// `npm run bench` to its own process (package.json), whose in-process times stand for the server's work.
// --max-semi-space-size: a larger young generation. Every request allocates (rows, JSON, rendered pages); with
// V8's default 16 MB semi-space the frequent scavenges doubled the review queue's p95 in-process (median
// unchanged). 64 MB costs up to ~150 MB more memory.
export const SERVER_NODE_ARGS = ["--max-semi-space-size=64"];
