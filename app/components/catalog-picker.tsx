"use client";

// A catalog search as a WAI-ARIA 1.2 combobox (list autocomplete), on downshift's useCombobox: Down/Up move the
// active option, Enter picks it (and never submits the form), Escape closes the list and a second Escape clears
// the text, Home/End jump, a click picks, leaving the field closes the list without picking. The input holds
// only the search text: the pick is props.value, shown below it with a "Change" button.
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from "downshift";
import { useEffect, useId, useRef, useState } from "react";
import { catalogLabel } from "@/lib/attack/label";
import styles from "./catalog-picker.module.css";
import { searchStatus, useCatalogSearch, type CatalogItem } from "./use-catalog-search";

export type { CatalogItem } from "./use-catalog-search";

const { InputBlur, InputKeyDownEnter, ItemClick } = useCombobox.stateChangeTypes;

// A pick empties the search text; leaving the field never picks (downshift would pick the active option).
function pickerReducer(
  state: UseComboboxState<CatalogItem>,
  { type, changes }: UseComboboxStateChangeOptions<CatalogItem>,
) {
  if (type === InputBlur) return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
  if ((type === InputKeyDownEnter || type === ItemClick) && changes.selectedItem) return { ...changes, inputValue: "" };
  return changes;
}

export function CatalogPicker(props: {
  label: string;
  hint: string;
  kinds: string;
  /** The ATT&CK domain to search (the observation's); absent: every domain. */
  domain?: string;
  value: CatalogItem | null;
  /** Called with the picked item, or null after "Change": the caller revalidates its field. */
  onChange: (item: CatalogItem | null) => void;
  error?: string;
  name: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const search = useCatalogSearch(q, props.kinds, props.domain);
  const inputRef = useRef<HTMLInputElement>(null);
  const combobox = useCombobox<CatalogItem>({
    items: search.items,
    // The text stays downshift's own (a controlled value loses keystrokes while one types fast); q follows it.
    itemToString: (item) => (item ? catalogLabel(item) : ""),
    itemToKey: (item: CatalogItem | null) => item?.stixId,
    onInputValueChange: ({ inputValue }) => setQ(inputValue ?? ""),
    // A pick (Enter, click). A second Escape empties downshift's own selection too: that is not a pick, and the
    // chosen item stays.
    onSelectedItemChange: ({ selectedItem }) => selectedItem && props.onChange(selectedItem),
    stateReducer: pickerReducer,
  });
  // The pick lives in props.value. When the caller drops or replaces it ("Change", a discarded draft, a revoked
  // ID's replacement), downshift forgets its own, or picking that same item again would not count as a change.
  const { selectedItem, selectItem } = combobox;
  useEffect(() => {
    if (selectedItem && selectedItem.stixId !== props.value?.stixId) selectItem(null);
    // Only when the caller's value changes: a pick sets both to the same item.
  }, [props.value]);
  const pick = (item: CatalogItem | null) => {
    props.onChange(item);
    combobox.setInputValue("");
  };
  const open = combobox.isOpen && search.items.length > 0;
  const describedBy = [props.value && `${id}-chosen`, props.error && `${id}-error`].filter(Boolean).join(" ");
  const revoked = q.trim() ? search.revoked : null;
  const inputProps = combobox.getInputProps({
    ref: inputRef,
    name: props.name,
    placeholder: "Type an ATT&CK ID or a name",
    // An Enter in the search never submits the form, whether or not an option is active.
    onKeyDown: (event) => event.key === "Enter" && event.preventDefault(),
  });

  return (
    <div className={styles.picker}>
      <label {...combobox.getLabelProps()}>
        {props.label} <span className="hint">{props.hint}</span>
      </label>
      <div className={styles.anchor}>
        <input
          {...inputProps}
          // Expanded only while options show (downshift says so as soon as one types).
          aria-expanded={open}
          aria-activedescendant={(open && inputProps["aria-activedescendant"]) || undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {/* Its label must not start with the field's: tests and people find the field by it. */}
        <ul {...combobox.getMenuProps({ "aria-label": `Matches for ${props.label.toLowerCase()}` })} hidden={!open}>
          {open &&
            search.items.map((item, index) => (
              <li
                key={item.stixId}
                {...combobox.getItemProps({ item, index })}
                className={index === combobox.highlightedIndex ? styles.active : undefined}
              >
                {/* An alias match reads as ATT&CK's own redirects do: "Cozy Bear → G0016 APT29". */}
                {item.matchedAlias && <span className={styles.alias}>{item.matchedAlias} → </span>}
                {catalogLabel(item)} <span className={styles.kind}>({item.kind})</span>
                {item.matchedOn === "description" && item.snippet && (
                  <span className={styles.why}>
                    <span className="visually-hidden">Found in its description: </span>
                    {item.snippet}
                  </span>
                )}
              </li>
            ))}
        </ul>
      </div>
      <p className="hint" role="status" data-testid={`${props.name}-status`}>
        {searchStatus(search, q)}
      </p>
      {revoked && (
        <p className="notice" data-testid={`${props.name}-revoked`}>
          {revoked.attackId} ({revoked.name}) was revoked in ATT&amp;CK
          {revoked.replacement?.attackId ? (
            <>
              .{" "}
              <button type="button" className="secondary" onClick={() => pick(revoked.replacement)}>
                Use {revoked.replacement.attackId} instead
              </button>
            </>
          ) : (
            ": search for the technique that replaced it by name."
          )}
        </p>
      )}
      {props.value && (
        <p className="chosen" id={`${id}-chosen`} data-testid={`${props.name}-chosen`}>
          Chosen: <strong>{catalogLabel(props.value)}</strong>{" "}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              props.onChange(null);
              inputRef.current?.focus();
            }}
          >
            Change
          </button>
        </p>
      )}
      {props.error && (
        <p className="error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
