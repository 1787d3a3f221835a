/** What the main thread gives the validation worker: a request body's bytes, or a document already read. */
export type ScenarioValidationInput = { bytes: Uint8Array } | { document: unknown };

/** What the validation worker answers, in order: pieces of the top-level lists, then one verdict. */
export type ScenarioValidationMessage =
  | { kind: 'piece'; field: string; items: unknown[] }
  | { kind: 'valid'; head: Record<string, unknown>; warnings: string[] }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'failed'; name: string; stack?: string };
