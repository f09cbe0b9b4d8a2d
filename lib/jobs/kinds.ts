// Every kind of job the worker runs, by name. A job of a kind missing here fails with a message naming it.
import { exportJobHandler } from "../releases/export-job";
import { EXPORT_JOB_KIND } from "../releases/export-phases";
import { UPSTREAM_JOB_KIND, upstreamJobHandler } from "../releases/upstream-job";
import { DIGEST_JOB_KIND, digestJobHandler } from "../review/digest-job";
import type { JobHandlers } from "./worker";

export const JOB_HANDLERS: JobHandlers = {
  [EXPORT_JOB_KIND]: exportJobHandler,
  [DIGEST_JOB_KIND]: digestJobHandler,
  [UPSTREAM_JOB_KIND]: upstreamJobHandler,
};
