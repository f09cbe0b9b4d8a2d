// `attack:import <file|url> [--version X] [--domain D]`: loads an official ATT&CK bundle into the catalog.
// A progress bar on a terminal; plain lines when output goes to a log (CI, docker, start-up import).
import { SingleBar } from "cli-progress";
import { importCatalog, type ImportPhase, type ImportResult } from "../attack/import";
import type { Db } from "../db/client";
import { isAppError } from "../errors";

const USAGE = "usage: attack:import <file|url> [--version X] [--domain enterprise-attack|mobile-attack|ics-attack]";

const PHASE_LABEL: Record<ImportPhase, string> = {
  read: "reading",
  parse: "parsing",
  objects: "objects",
  procedures: "procedures",
};

const OPTIONS = ["version", "domain"] as const;
const EXAMPLE: Record<(typeof OPTIONS)[number], string> = { version: "18.1", domain: "enterprise-attack" };

interface Args {
  source: string;
  version?: string;
  domain?: string;
}

export async function attackImportCommand(args: string[], db: Db): Promise<number> {
  let parsed: Args;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    console.error(`attack:import: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const isUrl = /^https?:\/\//i.test(parsed.source);
  const progress = process.stderr.isTTY ? barReporter() : lineReporter();
  try {
    const result = await importCatalog(db, isUrl ? { url: parsed.source } : { path: parsed.source }, {
      version: parsed.version,
      domain: parsed.domain,
      onProgress: progress.update,
    });
    progress.stop();
    if (result.skipped) {
      console.log(`${result.domain} ${result.version}: already imported: nothing to do`);
    } else if (!result.current) {
      // An older release: on record, with its changes up to the current one; new work stays on the newest.
      console.log(
        `recorded ${result.domain} ${result.version}: older than the current version, which stays current ` +
          `for new work; its changes up to the current version are on /catalog/changes`,
      );
    } else {
      console.log(
        `imported ${result.domain} ${result.version}: ${result.objects} objects, ` +
          `${result.procedures} procedures in ${(result.ms / 1000).toFixed(1)} s`,
      );
      reportUpstream(result);
    }
    return 0;
  } catch (error) {
    progress.stop();
    // Expected failures (missing file, not JSON, not ATT&CK, no version) carry a message meant for
    // the user; anything else is a bug or an outage and keeps its stack for the report.
    console.error(isAppError(error) ? `attack:import: ${error.message}` : error);
    return 1;
  }
}

// The upstream matching ran here as its job (importCatalog's default): what it took, or where it went on.
function reportUpstream({ upstreamJob: job, takenUpstream, version }: ImportResult): void {
  if (!job) return;
  if (job.status === "DONE") {
    if (takenUpstream > 0)
      console.log(`${takenUpstream} exported observation(s) are in ATT&CK ${version}: their contributors were told`);
    return;
  }
  const what = `matching exported observations against ATT&CK ${version} (job ${job.id})`;
  console.log(
    job.status === "FAILED"
      ? `${what} failed: /jobs says why; retry it there`
      : `${what} is ${job.status.toLowerCase()}: the server's job worker finishes it (see /jobs)`,
  );
}

function parseArgs(args: string[]): Args {
  let source: string | undefined;
  const values: Partial<Record<(typeof OPTIONS)[number], string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") ? arg.slice(2).split(/=(.*)/s) : [];
    const option = OPTIONS.find((o) => o === flag);
    if (option) {
      const value = inline ?? args[++i];
      if (!value) throw new Error(`--${option} needs a value, e.g. --${option} ${EXAMPLE[option]}`);
      values[option] = value;
    } else if (arg.startsWith("-")) {
      throw new Error(`unknown option ${arg}`);
    } else if (source) {
      throw new Error(`one bundle at a time (got "${source}" and "${arg}")`);
    } else {
      source = arg;
    }
  }
  if (!source) throw new Error("give the bundle's file path or URL");
  return { source, ...values };
}

interface Reporter {
  update: (done: number, total: number, phase: ImportPhase) => void;
  stop: () => void;
}

function barReporter(): Reporter {
  const bar = new SingleBar({
    format: "{phase} [{bar}] {value}/{total}",
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  let current: ImportPhase | undefined;
  return {
    update(done, total, phase) {
      const payload = { phase: PHASE_LABEL[phase].padEnd(10) };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else if (phase !== current) {
        bar.setTotal(total);
      }
      current = phase;
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

// One line when a phase starts and one when it ends: readable in a log, no carriage returns.
function lineReporter(): Reporter {
  let current: ImportPhase | undefined;
  return {
    update(done, total, phase) {
      if (phase !== current) {
        current = phase;
        console.error(`${PHASE_LABEL[phase]}…`);
      }
      if (done === total && (phase === "objects" || phase === "procedures")) {
        console.error(`${PHASE_LABEL[phase]}: ${total} written`);
      }
    },
    stop() {},
  };
}
