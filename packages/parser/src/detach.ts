// Strings cut from a chunk of input can keep the whole chunk alive (V8 keeps slices as views of
// their parent). What outlives its family — names remembered for the whole input, diagnostics —
// is copied out first, so that a stream holds one family's text, not all of it.

/** A copy of `text` that shares no memory with the string it was cut from. */
export function detach(text: string): string {
  // Slicing a concatenation flattens it into a fresh string.
  return (text + ' ').slice(0, -1);
}
