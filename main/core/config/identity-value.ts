// What an identity value may be: it travels upstream as a header (x-sm-user-id) and keys the per-identity
// stats. The config loader checks the file's identities with it, the resolver a custom header's value.

export const MAX_IDENTITY_LENGTH = 128;

/** Printable ASCII/Unicode without control characters, 1–128 chars; the value becomes an upstream header. */
export function isValidIdentity(value: string): boolean {
  if (value.length === 0 || value.length > MAX_IDENTITY_LENGTH) return false;
  // Printable ASCII only. Node reads header bytes as latin-1, so a client's UTF-8 "usér" arrives as
  // "usÃ©r" and would be forwarded (and stored per identity) garbled; bytes 0x80-0x9f are C1 controls.
  // Neither can be told apart from a deliberate latin-1 value, so none of them is accepted.
  return /^[\x20-\x7e]+$/.test(value) && value.trim() === value;
}
