import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the package default is argon2id) with OWASP's second recommended parameter set.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // A malformed hash is a failed check, never a crash.
  }
}

/** A hash of nothing, verified against when the user does not exist so timing does not tell. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(`x${Date.now()}`));

export interface PasswordRule {
  code: 'MIN_LENGTH' | 'CLASSES' | 'NOT_USERNAME' | 'MAX_LENGTH';
  message: string;
}

/** GB/T 22239 level 3: at least 8 characters and 3 of the 4 character classes. */
export function checkPasswordPolicy(password: string, username?: string): PasswordRule[] {
  const failed: PasswordRule[] = [];
  if (password.length < 8) failed.push({ code: 'MIN_LENGTH', message: '密码至少 8 位' });
  if (password.length > 128) failed.push({ code: 'MAX_LENGTH', message: '密码不能超过 128 位' });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3)
    failed.push({ code: 'CLASSES', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' });
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    failed.push({ code: 'NOT_USERNAME', message: '密码不能包含用户名' });
  }
  return failed;
}

/** A password that meets the policy, for initial and reset passwords shown once to an admin. */
export function generatePassword(length = 14): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%+=?!'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
