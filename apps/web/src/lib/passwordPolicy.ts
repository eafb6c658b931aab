// The platform's password rule (GB/T 22239-2019 level 3 as the server applies it): at least
// 8 characters, at least three of the four classes, and not containing the user name. The
// server is the judge; this copy only lets the form say what is missing before submitting.
// Length is counted as the server counts it (JavaScript string length).

export const MIN_LENGTH = 8;
export const MIN_CLASSES = 3;

export type CharClass = 'upper' | 'lower' | 'digit' | 'symbol';

export interface PasswordCheck {
  longEnough: boolean;
  classes: CharClass[];
  /** The password contains the user name (any letter case). */
  containsUsername: boolean;
  ok: boolean;
}

export function checkPassword(pw: string, username = ''): PasswordCheck {
  const classes: CharClass[] = [];
  if (/[A-Z]/.test(pw)) classes.push('upper');
  if (/[a-z]/.test(pw)) classes.push('lower');
  if (/[0-9]/.test(pw)) classes.push('digit');
  if (/[^A-Za-z0-9]/.test(pw)) classes.push('symbol');
  const longEnough = pw.length >= MIN_LENGTH;
  const containsUsername = !!username && pw.toLowerCase().includes(username.toLowerCase());
  return {
    longEnough,
    classes,
    containsUsername,
    ok: longEnough && classes.length >= MIN_CLASSES && !containsUsername,
  };
}

/** The server's WEAK_PASSWORD details.rules, as lines to show; tolerant of strings or objects. */
export function ruleLines(details: unknown): string[] {
  const rules = details && typeof details === 'object' ? (details as { rules?: unknown }).rules : undefined;
  if (!Array.isArray(rules)) return [];
  return rules
    .map((r) => {
      if (typeof r === 'string') return r;
      if (r && typeof r === 'object') {
        const o = r as { message?: unknown; name?: unknown; code?: unknown };
        for (const v of [o.message, o.name, o.code]) if (typeof v === 'string') return v;
      }
      return '';
    })
    .filter(Boolean);
}
