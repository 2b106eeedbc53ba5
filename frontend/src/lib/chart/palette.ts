/** Okabe–Ito: distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#000000',
] as const;

export function seriesColor(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

/** Good / bad for deltas: blue vs vermillion (not green vs red). The sign is always shown too. */
export const GOOD_COLOR = '#0072B2';
export const BAD_COLOR = '#D55E00';
