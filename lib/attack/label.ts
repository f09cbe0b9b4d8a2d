// How a catalog object is named wherever people read it: pickers, lists, detail pages, the public record, mails.
// Sub-techniques carry their parent, ATT&CK's own convention ("Command and Scripting Interpreter: PowerShell"):
// "PowerShell" alone is ambiguous to a reader who does not know the ID. Pure: client components import it too.

export interface TNameable {
  attackId: string | null;
  name: string;
  /** The parent technique's name, for a sub-technique. */
  parentName?: string | null;
}

/** "Command and Scripting Interpreter: PowerShell" for a sub-technique; the name itself otherwise. */
export function qualifiedName(item: Pick<TNameable, "name" | "parentName">): string {
  return item.parentName ? `${item.parentName}: ${item.name}` : item.name;
}

/** "T1059.001 Command and Scripting Interpreter: PowerShell", "G0016 APT29"; the name alone without an ID. */
export function catalogLabel(item: TNameable): string {
  const name = qualifiedName(item);
  return item.attackId ? `${item.attackId} ${name}` : name;
}

/**
 * An observation's technique as lists and mails show it: its catalog label, or the bare stored ATT&CK ID when the
 * catalog no longer has the object (a later import dropped it), so the ID never goes missing.
 */
export function techniqueLabelOf(found: TNameable | undefined, storedAttackId: string): string {
  return found ? catalogLabel({ ...found, attackId: found.attackId ?? storedAttackId }) : storedAttackId;
}
