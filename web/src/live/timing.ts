// Timers for views that keep themselves current: a periodic refresh that
// rests while the tab is hidden, and a debounce for bursts of live events
// (one transition writes several events at once).

/**
 * Runs `run` every `ms` while the page is visible, and at once when the page
 * becomes visible after a due run was skipped. Returns the stop function.
 */
export function every(ms: number, run: () => void): () => void {
  let last = Date.now();
  const tick = (): void => {
    if (document.visibilityState !== 'visible') return;
    last = Date.now();
    run();
  };
  const timer = setInterval(tick, ms);
  const onVisible = (): void => {
    if (document.visibilityState === 'visible' && Date.now() - last >= ms) tick();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** `run` once, `ms` after the last of a burst of calls; `cancel` drops a pending one. */
export function debounce(ms: number, run: () => void): { (): void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const call = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, ms);
  };
  call.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}
