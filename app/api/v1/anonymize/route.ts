import { scrub, scrubFields } from "@/lib/anonymize";
import { validationError } from "@/lib/errors";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { ZAnonymizeInput } from "@/lib/observations/schema";

// A preview only: nothing is stored or logged.
export const POST = apiRoute(async (request: Request) => {
  await requestActor(request);
  const parsed = ZAnonymizeInput.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error, "The anonymize request");
  const { text, fields, keep, redact } = parsed.data;
  if (!fields) return Response.json(scrub(text, { keep, redact }));
  // The text is the procedure: same key and order as the service scrubs it, so the numbering matches.
  const { procedure: _ignored, ...rest } = fields;
  const result = scrubFields({ procedure: text, ...rest }, { keep, redact });
  const { procedure, ...others } = result.fields;
  return Response.json({ text: procedure, fields: others, findings: result.findings });
});
