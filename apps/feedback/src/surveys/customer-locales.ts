/**
 * `unavailable`: intake did not answer (down, slow, restarting); asking again later can help.
 * `unknown-complaint`: intake has no such complaint, which no retry changes.
 */
export type CustomerLocaleLookup =
  | { readonly status: 'found'; readonly locale: string | undefined }
  | { readonly status: 'unavailable' | 'unknown-complaint'; readonly detail: string };

/** The customer's preferred language, asked of intake at the moment the survey is made. */
export interface CustomerLocales {
  localeOf(complaintId: string): Promise<CustomerLocaleLookup>;
}

export const CUSTOMER_LOCALES = Symbol('CustomerLocales');
