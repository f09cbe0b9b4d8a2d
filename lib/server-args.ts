// The Node.js flags the production server runs with. `npm start` (lib/cli/start.ts), the Playwright suite's servers
// (playwright.config.ts, e2e/servers.ts) and the benchmarks' (lib/load/built-server.ts) pass them. The CLI runs
// without them, and so does the benchmark's own process, whose in-process imports stand for the CLI's.
// --max-semi-space-size: a larger young generation. Every request allocates (rows, JSON, rendered pages); with
// V8's default 16 MB semi-space the frequent scavenges doubled the review queue's p95 (queryQueue timed in-process
// at 10,000 observations, 40 runs per filter: 9–11 ms against 4–6 ms with the flag; medians unchanged at 3–4 ms).
// 64 MB costs up to ~150 MB more memory.
export const SERVER_NODE_ARGS = ["--max-semi-space-size=64"];
