// The shape of one configuration key's declaration.

export type Kind = 'string' | 'integer' | 'boolean' | 'enum' | 'url' | 'path';

export interface Declaration<K extends Kind = Kind> {
  readonly kind: K;
  readonly default: string | null;
  readonly description: string;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly secret?: boolean;
  /** for a string: the form it must have */
  readonly pattern?: RegExp;
}
