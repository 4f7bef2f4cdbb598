/**
 * An input that cannot be read (a refused kind, a broken or hostile file): the message says, in
 * Chinese, what the editor can do. Nothing is written when one is thrown.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
