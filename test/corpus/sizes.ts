// Sizes shared by corpus kernels through a relative import (the frontend folds imported constants).
export const L = 8;
export type L = typeof L;
export const CFG = { rows: 6, cols: 5 } as const;
