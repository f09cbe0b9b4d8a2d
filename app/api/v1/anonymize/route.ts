import { validationError } from "@/lib/errors";
import { apiRoute, readJson, requestActor } from "@/lib/http/api";
import { previewAnonymization } from "@/lib/observations/anonymize";
import { ZAnonymizeInput } from "@/lib/observations/schema";

// A preview only: nothing is stored or logged.
export const POST = apiRoute(async (request: Request) => {
  await requestActor(request);
  const parsed = ZAnonymizeInput.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error, "The anonymize request");
  return Response.json(previewAnonymization(parsed.data));
});
