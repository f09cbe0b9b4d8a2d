"use client";

// The anonymizer choice of a comment box (the reply box, the decision comment): what it keeps and also replaces.
import { useState } from "react";
import type { AnonymizeChoice } from "@/app/components/anonymize-preview";
import { sameList } from "@/lib/observations/anonymize-preview";

export interface CommentChoice {
  choice: AnonymizeChoice;
  setChoice: (choice: AnonymizeChoice) => void;
  /** Bumped by `reset`: the key of the box's preview, so a sent comment starts a fresh one. */
  generation: number;
  /** After a comment is sent: its keep list and terms were for that text. */
  reset: () => void;
}

export function useCommentChoice(keptIndicators: string[] = []): CommentChoice {
  // A comment starts with what the observation keeps: its public indicators read the same in the discussion.
  const fresh = (): AnonymizeChoice => ({ keep: keptIndicators, redact: [] });
  const [choice, setChoice] = useState<AnonymizeChoice>(fresh);
  // An edit that keeps or un-keeps a value changes the observation's list under the box: the box follows it.
  const [storedKept, setStoredKept] = useState(keptIndicators);
  if (!sameList(storedKept, keptIndicators)) {
    setStoredKept(keptIndicators);
    setChoice((c) => ({ ...c, keep: keptIndicators }));
  }
  const [generation, setGeneration] = useState(0);
  const reset = () => {
    setChoice(fresh());
    setGeneration((n) => n + 1);
  };
  return { choice, setChoice, generation, reset };
}
