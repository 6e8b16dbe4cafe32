// SPDX-License-Identifier: MIT
// Links made of contact details in received letters and messages, which are untrusted: only what is clearly a
// telephone number or an e-mail address becomes a link, so a hostile value can never become a `javascript:` link.

/**
 * A `tel:` URL for a telephone number as written: spaces and punctuation removed, `00` read as `+`, and a bare
 * Danish 8-digit number given `+45`. `undefined` when what is left is no telephone number.
 */
export function telHref(number: string): string | undefined {
  const compact = number.replace(/[\s().\-/]/g, '').replace(/^00/, '+');
  if (/^\d{8}$/.test(compact)) return `tel:+45${compact}`;
  return /^\+?\d{3,15}$/.test(compact) ? `tel:${compact}` : undefined;
}

const EMAIL = /^[^\s@<>"'()[\]\\,;:]+@[^\s@<>"'()[\]\\,;:]+\.[^\s@<>"'()[\]\\,;:]+$/;

/** A `mailto:` URL for an address that looks like one; `undefined` otherwise. */
export function mailtoHref(email: string): string | undefined {
  const trimmed = email.trim();
  return EMAIL.test(trimmed) ? `mailto:${trimmed}` : undefined;
}
