// allo-ts C-simulation header standing in for Vitis HLS's hls_math.h: the C math library (allo-ts emits
// the plain double-precision functions exp, log, sqrt, ... and rounds their results itself) and `half`.
#ifndef ALLO_HLS_MATH_H
#define ALLO_HLS_MATH_H

#include <math.h>

#include "hls_half.h"

#endif
