export { DEFAULT_MAIL_FROM, renderMail } from "./send";
export { enqueueMail } from "./queue";
export type { EnqueueOptions } from "./queue";
export { mailQueueForAdmin, mailQueueProblem } from "./queue-admin";
export { drainMail, flushMail, kickMail, settleMail, mailQueueState, retryFailedMail, startMailWorker } from "./worker";
export type { MailQueueState, MailRun } from "./worker";
export { createTransport, outboxDir, newOutboxId } from "./transport";
export type { MailTransport, OutgoingMail, OutboxMessage } from "./transport";
export { listOutbox, readOutboxMessage, isOutboxId } from "./outbox";
