// Following a job (an export) from the API: its answer is 202 with the job and its URL in Location; the job is
// polled at GET /api/v1/jobs/:id until it has ended.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";

export interface JobAnswer {
  id: string;
  kind: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  progress: { done: number; total: number; phase: string | null };
  result: any;
  error: { code: string; message: string } | null;
  url: string;
}

/** The job a 202 answer carries, polled until it is DONE or FAILED (which it returns). */
export async function finishedJob(
  request: APIRequestContext,
  accepted: APIResponse,
  headers: Record<string, string>,
  timeoutMs = 120_000,
): Promise<JobAnswer> {
  expect(accepted.status(), await accepted.text()).toBe(202);
  const first = (await accepted.json()) as JobAnswer;
  expect(accepted.headers()["location"]).toBe(first.url);
  expect(first.url).toBe(`/api/v1/jobs/${first.id}`);
  const deadline = Date.now() + timeoutMs;
  let job = first;
  while (job.status !== "DONE" && job.status !== "FAILED") {
    if (Date.now() > deadline) throw new Error(`Job ${job.id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
    const answer = await request.get(first.url, { headers });
    expect(answer.status(), await answer.text()).toBe(200);
    job = (await answer.json()) as JobAnswer;
  }
  return job;
}

/** Exports a release through the API and waits for the bundle: the finished job's result ({status, sha256, …}). */
export async function exportRelease(
  request: APIRequestContext,
  releaseId: string,
  headers: Record<string, string>,
): Promise<{ status: string; sha256: string; heldBackByTlp: number }> {
  const job = await finishedJob(
    request,
    await request.post(`/api/v1/releases/${releaseId}/export`, { headers }),
    headers,
  );
  expect(job.error, "the export failed").toBeNull();
  expect(job.status).toBe("DONE");
  return job.result;
}
