"use client";

// The submit form's structured context: when, where the activity ran and was seen, how sure the contributor
// is, and the victim's coarse buckets. Every list comes from lib/ (schema enumerations, victimology, the
// catalog's platform vocabulary passed in by the page); empty selects send nothing.
import type { UseFormReturn } from "react-hook-form";
import {
  CONFIDENCE_LEVELS,
  DETECTION_SOURCES,
  DETECTION_TYPES,
  FIELD_LABELS,
  PRIVILEGE_LEVELS,
  REGIONS,
  type TObservationInput,
} from "@/lib/observations/schema";
import { currentMonth } from "@/lib/observations/dates";
import { NAICS_SECTORS } from "@/lib/observations/victimology";
import styles from "./fields.module.css";

const CHOOSE = "— choose —";
const orUndefined = (v: unknown) => (v ? String(v) : undefined);

export interface ContextOptions {
  /** The domain's platforms (lib/attack/catalog platformVocabulary). */
  platforms: string[];
  /** ISO 3166 countries, named on the server so the browser renders the same names. */
  countries: { code: string; name: string }[];
}

export function ContextFields({ form, options }: { form: UseFormReturn<TObservationInput>; options: ContextOptions }) {
  const { register, watch, setValue, formState } = form;
  const errors = formState.errors;
  const chosen = watch("platforms") ?? [];
  const platformErrors = [
    ...new Set(
      [
        errors.platforms?.message,
        ...(Array.isArray(errors.platforms) ? errors.platforms : []).map((e) => e?.message),
      ].filter((m): m is string => !!m),
    ),
  ];

  function togglePlatform(platform: string, on: boolean) {
    const next = on ? [...chosen, platform] : chosen.filter((p) => p !== platform);
    setValue("platforms", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }

  const select = (
    name: "detectionType" | "detectionSource" | "privilegeLevel" | "confidence",
    label: string,
    values: readonly string[],
  ) => (
    <div>
      <label htmlFor={name}>{label}</label>
      <select id={name} {...register(name, { setValueAs: orUndefined })}>
        <option value="">{CHOOSE}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {FIELD_LABELS[v] ?? v}
          </option>
        ))}
      </select>
      {errors[name] && <p className="error">{errors[name].message}</p>}
    </div>
  );

  return (
    <>
      <div className={`row ${styles.top}`}>
        <div>
          <label htmlFor="observedFrom">
            Observed from <span className="hint">(month, YYYY-MM)</span>
          </label>
          <input
            id="observedFrom"
            type="month"
            max={currentMonth()}
            {...register("observedFrom", { setValueAs: orUndefined })}
          />
          {errors.observedFrom && <p className="error">{errors.observedFrom.message}</p>}
        </div>
        <div>
          <label htmlFor="observedTo">
            Observed to <span className="hint">(month, YYYY-MM)</span>
          </label>
          <input
            id="observedTo"
            type="month"
            max={currentMonth()}
            {...register("observedTo", { setValueAs: orUndefined })}
          />
          {errors.observedTo && <p className="error">{errors.observedTo.message}</p>}
        </div>
      </div>

      <fieldset className={styles.choices}>
        <legend>Platforms</legend>
        {options.platforms.length === 0 ? (
          <p className="hint">The catalog has no platforms yet (import ATT&amp;CK first).</p>
        ) : (
          <div className={styles.choiceList}>
            {options.platforms.map((p) => (
              <label key={p}>
                <input
                  type="checkbox"
                  checked={chosen.includes(p)}
                  onChange={(e) => togglePlatform(p, e.target.checked)}
                />
                {p}
              </label>
            ))}
          </div>
        )}
        {platformErrors.map((m) => (
          <p key={m} className="error">
            {m}
          </p>
        ))}
      </fieldset>

      <div className={`row ${styles.top}`}>
        {select("detectionType", "Detected on", DETECTION_TYPES)}
        {select("detectionSource", "Detection", DETECTION_SOURCES)}
        {select("privilegeLevel", "Adversary's privilege", PRIVILEGE_LEVELS)}
        {select("confidence", "Confidence", CONFIDENCE_LEVELS)}
      </div>

      <div className={`row ${styles.top}`}>
        <div>
          <label htmlFor="sector">
            Victim sector <span className="hint">(NAICS)</span>
          </label>
          <select id="sector" {...register("sector", { setValueAs: orUndefined })}>
            <option value="">{CHOOSE}</option>
            {NAICS_SECTORS.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label} {s.name}
              </option>
            ))}
          </select>
          {errors.sector && <p className="error">{errors.sector.message}</p>}
        </div>
        <div>
          <label htmlFor="country">Country</label>
          <select id="country" {...register("country", { setValueAs: orUndefined })}>
            <option value="">{CHOOSE}</option>
            {options.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          {errors.country && <p className="error">{errors.country.message}</p>}
        </div>
        <div>
          <label htmlFor="region">
            …or region <span className="hint">(RIR)</span>
          </label>
          <select id="region" {...register("region", { setValueAs: orUndefined })}>
            <option value="">{CHOOSE}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {errors.region && <p className="error">{errors.region.message}</p>}
        </div>
      </div>
      <p className="hint">A country or a region, not both: together they narrow the victim too far.</p>
    </>
  );
}
