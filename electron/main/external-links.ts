const MAX_URL_LENGTH = 2048;

/**
 * The only URLs Tokenscope will hand to the operating system: https:, no embedded credentials,
 * of sane length. (shell.openExternal with a file:, smb: or custom-scheme URL from evidence data
 * is a known code-execution path; checklist item 15.) Returns the normalised URL, or null.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

export interface ExternalLinkDeps {
  /** Ask the user (a native dialog that shows the full URL); resolves true only on an explicit yes. */
  confirm: (url: string) => Promise<boolean>;
  /** shell.openExternal. */
  open: (url: string) => Promise<void>;
}

export type ExternalLinkOutcome = 'opened' | 'refused' | 'cancelled' | 'failed';

/** Opens a link in the system browser only if it is https: AND the user confirmed that exact URL. */
export function createExternalLinkOpener(deps: ExternalLinkDeps): (url: string) => Promise<ExternalLinkOutcome> {
  return async (url) => {
    const target = externalLinkTarget(url);
    if (!target) return 'refused';
    if (!(await deps.confirm(target))) return 'cancelled';
    try {
      await deps.open(target);
      return 'opened';
    } catch {
      return 'failed';
    }
  };
}
