/** Colour family for status indicators; each maps to the `--tone-*` CSS variables. */
export type Tone = 'ok' | 'warning' | 'critical' | 'neutral';
