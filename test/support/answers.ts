/** Small readers of API answers, shared by the e2e tests. */

/** The problems of a 400, as a list whether the answer holds one message or several. */
export const messagesOf = (body: { message: string | string[] }): string[] =>
  Array.isArray(body.message) ? body.message : [body.message];

/** The names of a page of records, in the order answered. */
export const namesOf = (body: { items: { name: string }[] }): string[] => body.items.map((item) => item.name);

/** A well-formed id that no record has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
