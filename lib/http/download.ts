// A file offered for download (a release's bundle and the files beside it, a Navigator layer): the one place that says how.
export interface Download {
  fileName: string;
  contentType: string;
  text: string;
}

/** The file as an attachment under its name; never cached (only signed-in users read them). */
export function downloadResponse({ fileName, contentType, text }: Download): Response {
  return new Response(text, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
