import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { lookupDomains, lookupTargets } from '../lookup/merge';
import type { LookupReply } from '../lookup/messages';
import type { DomainAge, TargetAge } from '../lookup/schemas';
import type { Report } from '../schemas';

/** What the popup needs to look up ages; the extension supplies it (absent in contexts without a worker). */
export interface LookupApi {
  hasPermission(): Promise<boolean>;
  /** Must be called inside the click that asked for it. */
  requestPermission(): Promise<boolean>;
  start(
    request: { targets: string[]; domains: string[]; force: boolean },
    onReply: (reply: LookupReply) => void,
  ): () => void;
}

export interface LookupState {
  targets: ReadonlyMap<string, TargetAge>;
  domains: ReadonlyMap<string, DomainAge>;
  /** URLs asked for and not answered yet (rows show them as pending). */
  pending: ReadonlySet<string>;
  progress: { done: number; total: number } | null;
  phase: 'idle' | 'asking' | 'running' | 'done' | 'cancelled' | 'denied' | 'error';
  message: string;
}

const IDLE: LookupState = {
  targets: new Map(),
  domains: new Map(),
  pending: new Set(),
  progress: null,
  phase: 'idle',
  message: '',
};

/**
 * Look-ups for the report on screen: started by the reader (or automatically when the setting says so and the
 * permission is already there), streamed in, cancellable. Cached answers arrive at once.
 */
export function useLookups(api: LookupApi | undefined, report: Report | null, automatic: boolean) {
  const [state, setState] = useState<LookupState>(IDLE);
  const cancel = useRef<(() => void) | null>(null);

  const run = useCallback(
    (force: boolean) => {
      if (!api || !report) return;
      const targets = lookupTargets(report);
      const domains = lookupDomains(report);
      cancel.current?.();
      setState((s) => ({ ...s, phase: 'running', pending: new Set(targets), progress: null, message: '' }));
      cancel.current = api.start({ targets, domains, force }, (reply) =>
        setState((s) => {
          switch (reply.type) {
            case 'target': {
              const pending = new Set(s.pending);
              pending.delete(reply.age.url);
              return { ...s, targets: new Map(s.targets).set(reply.age.url, reply.age), pending };
            }
            case 'domain':
              return { ...s, domains: new Map(s.domains).set(reply.age.domain, reply.age) };
            case 'progress':
              return { ...s, progress: { done: reply.done, total: reply.total } };
            case 'done':
              return {
                ...s,
                phase: reply.cancelled ? 'cancelled' : 'done',
                pending: new Set(),
                message: reply.notice ?? '',
              };
            case 'error':
              // A worker that stops after finishing is no error.
              if (s.phase !== 'running') return s;
              return {
                ...s,
                phase: reply.permission ? 'denied' : 'error',
                pending: new Set(),
                message: reply.message,
              };
          }
        }),
      );
    },
    [api, report],
  );

  /** The "Look up ages" click: asks for host access first (inside the click), then starts. */
  const start = useCallback(
    (force = false) => {
      if (!api) return;
      setState((s) => ({ ...s, phase: 'asking', message: '' }));
      api.requestPermission().then(
        (granted) => {
          if (granted) run(force);
          else
            setState((s) => ({
              ...s,
              phase: 'denied',
              message: 'Without access to the linked sites, ages come from URLs only. Nothing else changes.',
            }));
        },
        () => setState((s) => ({ ...s, phase: 'denied', message: 'The browser did not grant access.' })),
      );
    },
    [api, run],
  );

  const stop = useCallback(() => {
    cancel.current?.();
    setState((s) => ({ ...s, phase: 'cancelled', pending: new Set() }));
  }, []);

  // Automatic look-ups (a setting) run only when access was granted before: never a prompt unasked.
  useEffect(() => {
    if (!automatic || !api || !report || state.phase !== 'idle') return;
    void api.hasPermission().then((granted) => {
      if (granted) run(false);
    });
  }, [automatic, api, report, run, state.phase]);

  useEffect(() => () => cancel.current?.(), []);
  return { state, start, stop };
}
