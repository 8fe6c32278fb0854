/**
 * JSON text of a model value for searching it by name (a parameter named in a bound, `Self` in a
 * default): the model holds bigints (array lengths, constant values), which `JSON.stringify`
 * refuses, so they are written as their decimal text.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
}
