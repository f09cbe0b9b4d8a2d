export { sendMail, DEFAULT_MAIL_FROM } from "./send";
export { createTransport, outboxDir, newOutboxId } from "./transport";
export type { MailTransport, OutgoingMail, OutboxMessage } from "./transport";
export { listOutbox, readOutboxMessage, isOutboxId } from "./outbox";
