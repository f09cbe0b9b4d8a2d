"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { AnonymizePreview } from "@/app/components/anonymize-preview";
import { CatalogPicker, type CatalogItem } from "@/app/components/catalog-picker";
import { CitationHelper } from "@/app/components/citation-helper";
import { KnownExamples } from "@/app/components/known-examples";
import { TechniqueSuggestions } from "@/app/components/technique-suggestions";
import { useAutosave } from "@/app/components/use-autosave";
import { scrubbedReferenceFields } from "@/lib/observations/anonymize-preview";
import { CREDIT_MODES, TLP_LEVELS, ZObservationInput, type TObservationInput } from "@/lib/observations/schema";
import { tlpMeaning } from "@/lib/observations/tlp";
import { discardDraftAction, saveDraftAction, submitObservationAction } from "./actions";
import { ContextFields, type ContextOptions } from "./context-fields";
import { DraftStatus, draftFormValues, RestoredNotice, type RestoredDraft } from "./draft-status";
import { TechniqueReplacement, type TechniqueReplacementInfo } from "./technique-replacement";

/** What each credit choice exports for this contributor (lib/auth/profile creditLabel), from the server. */
export type CreditLabels = Record<(typeof CREDIT_MODES)[number], string>;

export function SubmitForm({
  creditLabels,
  draft,
  options,
}: {
  creditLabels: CreditLabels;
  draft?: RestoredDraft | null;
  options: ContextOptions;
}) {
  const router = useRouter();
  const [technique, setTechnique] = useState<CatalogItem | null>(draft?.technique ?? null);
  // What ATT&CK replaced a refused revoked technique with (the server's `details.replacement`).
  const [replacement, setReplacement] = useState<TechniqueReplacementInfo | null>(null);
  const [actor, setActor] = useState<CatalogItem | null>(draft?.actor ?? null);
  const [unattributed, setUnattributed] = useState(!!draft?.data.actor && "unattributed" in draft.data.actor);
  const [serverError, setServerError] = useState<string | null>(null);
  const [restored, setRestored] = useState(draft ?? null);

  const [empty] = useState<TObservationInput>(() => ({
    domain: "enterprise-attack",
    technique: "",
    actor: { id: "" },
    procedure: "",
    references: [{ sourceName: "", url: "", description: "", public: false }],
    tlp: "CLEAR",
    credit: "anonymous",
    platforms: [],
    keep: [],
    redact: [],
  }));
  const form = useForm<TObservationInput>({
    resolver: zodResolver(ZObservationInput),
    defaultValues: draftFormValues(empty, draft),
  });
  const autosave = useAutosave(form, saveDraftAction, draft?.savedAt);
  const { register, handleSubmit, setValue, watch, formState } = form;
  const references = useFieldArray({ control: form.control, name: "references" });
  const errors = formState.errors;
  const keep = watch("keep") ?? [];
  const redact = watch("redact") ?? [];
  const procedure = watch("procedure") ?? "";
  const referenceValues = watch("references");

  async function discardDraft(): Promise<string | null> {
    await autosave.pause();
    const result = await discardDraftAction();
    if (result.ok) {
      form.reset(empty);
      [setTechnique, setActor].forEach((set) => set(null));
      setUnattributed(false);
      setRestored(null);
      autosave.markSaved();
    }
    autosave.resume();
    return result.ok ? null : result.error.message;
  }

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    // No autosave may land after the submission deleted the draft (it would bring it back).
    await autosave.pause();
    const result = await submitObservationAction(values);
    if (!result.ok) {
      autosave.resume();
      void autosave.flush();
      setServerError(result.error.message);
      setReplacement((result.error.details?.replacement as TechniqueReplacementInfo | undefined) ?? null);
      for (const issue of result.error.issues ?? []) form.setError(issue.path as never, { message: issue.message });
      return;
    }
    autosave.markSaved();
    router.push(`/my/${result.value.id}?submitted=1`);
  });

  return (
    <form
      onSubmit={onSubmit}
      onBlur={() => void autosave.flush()}
      noValidate
      className="panel"
      aria-label="Observation"
    >
      {restored && <RestoredNotice draft={restored} />}
      <CatalogPicker
        name="technique"
        label="Technique"
        hint="(sub-technique where you can)"
        kinds="technique"
        domain={watch("domain")}
        value={technique}
        error={errors.technique?.message}
        onChange={(item) => {
          setTechnique(item);
          setReplacement(null);
          setValue("technique", item?.attackId ?? item?.stixId ?? "", { shouldValidate: formState.isSubmitted });
        }}
      />
      {replacement && (
        <TechniqueReplacement
          replacement={replacement}
          onUse={(item) => {
            setTechnique(item);
            setReplacement(null);
            form.clearErrors("technique");
            setValue("technique", item.attackId ?? item.stixId, { shouldValidate: formState.isSubmitted });
          }}
        />
      )}

      <label>
        <input
          type="checkbox"
          style={{ width: "auto", marginRight: "0.5rem" }}
          checked={unattributed}
          onChange={(e) => {
            setUnattributed(e.target.checked);
            setValue("actor", e.target.checked ? { unattributed: true } : { id: actor?.attackId ?? "" });
          }}
        />
        I cannot attribute this to a known group, software or campaign
      </label>
      {!unattributed && (
        <CatalogPicker
          name="actor"
          label="Group, software or campaign"
          hint="(who used the technique)"
          kinds="group,software,campaign"
          domain={watch("domain")}
          value={actor}
          error={(errors.actor as { id?: { message?: string } } | undefined)?.id?.message ?? errors.actor?.message}
          onChange={(item) => {
            setActor(item);
            setValue("actor", { id: item?.attackId ?? item?.stixId ?? "" });
            // The error sits on actor.id: validating "actor" (not a registered field) would only ever clear it.
            if (formState.isSubmitted) void form.trigger("actor.id");
          }}
        />
      )}

      <label htmlFor="procedure">
        What was seen <span className="hint">(the procedure: commands, tools, sequence; identifiers are replaced)</span>
      </label>
      <textarea id="procedure" {...register("procedure")} />
      {errors.procedure && <p className="error">{errors.procedure.message}</p>}
      <TechniqueSuggestions
        domain={watch("domain")}
        text={procedure}
        chosen={technique?.stixId ?? null}
        onPick={(item) => {
          setTechnique(item);
          setReplacement(null);
          form.clearErrors("technique");
          setValue("technique", item.attackId ?? item.stixId, { shouldValidate: formState.isSubmitted });
        }}
      />
      <KnownExamples
        domain={watch("domain")}
        technique={technique}
        actor={unattributed ? null : actor}
        text={watch("procedure") ?? ""}
      />

      <AnonymizePreview
        idPrefix="submit"
        text={procedure}
        fields={scrubbedReferenceFields(referenceValues ?? [])}
        keep={keep}
        redact={redact}
        onChange={(choice) => {
          setValue("keep", choice.keep);
          setValue("redact", choice.redact);
        }}
      />

      <h2>References</h2>
      {references.fields.map((field, index) => (
        <div key={field.id} className="panel">
          <div className="row">
            <div>
              <label htmlFor={`ref-${index}-source`}>Source name</label>
              <input
                id={`ref-${index}-source`}
                {...register(`references.${index}.sourceName`)}
                placeholder="Acme Labs 2026"
              />
              {errors.references?.[index]?.sourceName && (
                <p className="error">{errors.references[index].sourceName.message}</p>
              )}
            </div>
            <div>
              <label htmlFor={`ref-${index}-url`}>URL</label>
              <input id={`ref-${index}-url`} {...register(`references.${index}.url`)} placeholder="https://…" />
              {errors.references?.[index]?.url && <p className="error">{errors.references[index].url.message}</p>}
            </div>
          </div>
          <label htmlFor={`ref-${index}-description`}>Citation</label>
          <input
            id={`ref-${index}-description`}
            {...register(`references.${index}.description`)}
            placeholder="Author. (2026, May 4). Title. Retrieved …"
          />
          {errors.references?.[index]?.description && (
            <p className="error">{errors.references[index].description.message}</p>
          )}
          <CitationHelper
            onFill={(citation) => {
              setValue(`references.${index}.description`, citation, {
                shouldDirty: true,
                shouldValidate: formState.isSubmitted,
              });
            }}
          />
          {/* The hint stays outside the label: "URL" and "Citation" must keep naming one field each. */}
          <label>
            <input
              type="checkbox"
              style={{ width: "auto", marginRight: "0.5rem" }}
              aria-describedby={`ref-${index}-public-hint`}
              {...register(`references.${index}.public`)}
            />
            Public report
          </label>
          <p className="hint" id={`ref-${index}-public-hint`}>
            Tick it for a published report: its source, URL and citation are kept as written. Otherwise the source name
            and citation are anonymized like the procedure, and a URL is not accepted (it names a host).
          </p>
          {errors.references?.[index]?.public && <p className="error">{errors.references[index].public.message}</p>}
          {references.fields.length > 1 && (
            <button type="button" className="secondary" onClick={() => references.remove(index)}>
              Remove reference
            </button>
          )}
        </div>
      ))}
      {errors.references?.message && <p className="error">{errors.references.message}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => references.append({ sourceName: "", url: "", description: "", public: false })}
      >
        Add reference
      </button>

      <h2>Context</h2>
      <ContextFields form={form} options={options} />
      <div className="row">
        <div>
          <label htmlFor="tlp">TLP</label>
          <select id="tlp" aria-describedby="tlp-meaning" {...register("tlp")}>
            {TLP_LEVELS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          {/* Where the observation can go at the chosen level: the rule's own words (lib/observations/tlp). */}
          <p id="tlp-meaning" className="hint">
            {tlpMeaning(watch("tlp") ?? "CLEAR")}
          </p>
        </div>
        <div>
          <label htmlFor="credit">Credit me as</label>
          <select
            id="credit"
            aria-invalid={errors.credit ? true : undefined}
            aria-describedby={errors.credit ? "credit-error" : undefined}
            {...register("credit")}
          >
            {CREDIT_MODES.map((c) => (
              <option key={c} value={c}>
                {creditLabels[c]}
              </option>
            ))}
          </select>
          {errors.credit && (
            <p id="credit-error" className="error">
              {errors.credit.message}: <Link href="/profile">open your profile</Link> (this form stays as it is in this
              tab).
            </p>
          )}
        </div>
      </div>

      {serverError && (
        <p className="notice bad" role="status">
          {serverError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Submitting…" : "Submit for review"}
        </button>
      </div>
      <DraftStatus autosave={autosave} hasDraft={!!restored} onDiscard={discardDraft} />
    </form>
  );
}
