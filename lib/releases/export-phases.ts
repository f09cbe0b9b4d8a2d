// The export's phases, in order (pure: the release page's progress bar imports it). exportRelease reports the end of
// each; the job (./export-job) shows the one under way.
export const EXPORT_PHASES = ["read", "build", "validate", "serialize", "store"] as const;
export type ExportPhase = (typeof EXPORT_PHASES)[number];

/** What the export is doing while a phase runs, as the release page and /jobs show it. */
export const EXPORT_PHASE_LABELS: Record<ExportPhase, string> = {
  read: "Reading the release's observations",
  build: "Building the STIX bundle",
  validate: "Validating every object with MITRE's ATT&CK schemas",
  serialize: "Writing the bundle",
  store: "Storing the bundle and publishing its observations",
};

/** The job's kind: one export per release at a time. */
export const EXPORT_JOB_KIND = "release-export";
