"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { revertAction } from "@/app/(review)/queue/[id]/actions";
import { ConfirmButton } from "./confirm-button";
import { showToast } from "./toaster";

/** "Revert to N": asks first, then puts back what revision N held as a new revision. */
export function RevertButton(props: { publicId: string; version: number; toVersion: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function revert() {
    setBusy(true);
    setError(null);
    const result = await revertAction(props.publicId, { toVersion: props.toVersion, version: props.version });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    showToast(`Reverted to version ${props.toVersion}: now version ${result.value.version}.`);
    router.refresh();
  }
  return (
    <>
      <ConfirmButton
        className="secondary shrink"
        disabled={busy}
        title={`Revert to version ${props.toVersion}?`}
        question={`The procedure, references, technique and kept indicators go back to what version ${props.toVersion} held. This is recorded as a new version; you can revert that too.`}
        confirmLabel={`Yes, revert to ${props.toVersion}`}
        onConfirm={() => void revert()}
      >
        Revert to {props.toVersion}
      </ConfirmButton>
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
