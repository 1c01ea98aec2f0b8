import { useEffect } from "react";

/**
 * While something typed is not saved yet, leaving the page (closing the tab, reloading, typing another
 * address) asks first: the browser's own question, the one a page may ask.
 */
export function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // older browsers show the question only when a value is set
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);
}
