// JSON Schema of the framework format, generated from the zod schema that validates it, so that
// editors can check framework files as they are written (frameworks/framework.schema.json).
import { z } from 'zod';
import { FrameworkSchema } from './framework';

export function frameworkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FrameworkSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'InnoCounty 指标体系 framework',
  };
}
