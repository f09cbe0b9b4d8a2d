export { enqueueJob, enqueueJobOnce, enqueueJobSql, isDuplicateJob, type EnqueueJob, type JobRow } from "./queue";
export { drainJobs, runDueJob, type JobContext, type JobHandler, type JobHandlers, type JobRun } from "./worker";
export { flushJobs, kickJobs, settleJobs, startJobWorker } from "./run";
export { getJob, jobUrl, jobView, listJobs, retryJob, type JobListItem, type JobView } from "./admin";
