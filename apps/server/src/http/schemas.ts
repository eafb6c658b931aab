import { z } from 'zod';

/** Shapes shared by many routes. */
export const ok = z.object({ ok: z.literal(true) });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const uuidParam = z.object({ id: z.uuid() });
/** Query flags arrive as strings. */
export const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const dateQuery = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((v) => new Date(v));
