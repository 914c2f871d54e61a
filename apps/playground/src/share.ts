// The share link: the text and the settings in the URL fragment, deflated and base64url-encoded.
// A fragment is never sent to a server, so the text stays in the browser that opens the link.
// The browser's own CompressionStream('deflate-raw') does the deflating: no library to load.
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings.js';

/** The fragment's prefix names the encoding, so that a later one can be told apart. */
const PREFIX = 'v1.';

export interface SharedState {
  text: string;
  settings: Settings;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (without `#`) that carries `state`. */
export async function encodeState(state: SharedState): Promise<string> {
  const json = JSON.stringify({ t: state.text, s: state.settings });
  const packed = await through(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/**
 * The state a fragment carries, or undefined when it carries none; throws on a fragment of ours
 * that cannot be read (cut short by a chat tool, say).
 */
export async function decodeState(fragment: string): Promise<SharedState | undefined> {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(PREFIX)) return undefined;
  const bytes = await through(fromBase64Url(body.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  const data = JSON.parse(new TextDecoder().decode(bytes)) as { t?: unknown; s?: unknown };
  return {
    text: typeof data.t === 'string' ? data.t : '',
    settings: normaliseSettings(data.s ?? DEFAULT_SETTINGS),
  };
}
