// Focus management after an action (issue 7 item 4): keyboard and screen-reader users land where the result is,
// not on <body> when the button they pressed disappears with the page's refresh.

/** Moves focus to an element that is not focusable by itself (a heading, a status message) without a tab stop. */
export function focusElement(element: HTMLElement | null | undefined): void {
  if (!element) return;
  if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus();
}

/** After a transition the page's heading (its id and status) is the place to read on from. */
export function focusPageHeading(): void {
  focusElement(document.querySelector<HTMLElement>("main h1"));
}
