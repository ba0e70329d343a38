// Every fixed-width integer dtype from 1 to 64 bits, signed and unsigned, as values (casts, template
// arguments) and as types (`int12`, `uint7<[M]>`). Written out because TypeScript needs each name declared.

import { intType, uintType } from "../types/dtype.ts";
import { type DTypeValue, dtypeValue } from "./dtype-value.ts";
import type { Shape, TensorOf } from "./tensor-types.ts";

export const int1: DTypeValue = dtypeValue(intType(1), "int1");
export const int2: DTypeValue = dtypeValue(intType(2), "int2");
export const int3: DTypeValue = dtypeValue(intType(3), "int3");
export const int4: DTypeValue = dtypeValue(intType(4), "int4");
export const int5: DTypeValue = dtypeValue(intType(5), "int5");
export const int6: DTypeValue = dtypeValue(intType(6), "int6");
export const int7: DTypeValue = dtypeValue(intType(7), "int7");
export const int8: DTypeValue = dtypeValue(intType(8), "int8");
export const int9: DTypeValue = dtypeValue(intType(9), "int9");
export const int10: DTypeValue = dtypeValue(intType(10), "int10");
export const int11: DTypeValue = dtypeValue(intType(11), "int11");
export const int12: DTypeValue = dtypeValue(intType(12), "int12");
export const int13: DTypeValue = dtypeValue(intType(13), "int13");
export const int14: DTypeValue = dtypeValue(intType(14), "int14");
export const int15: DTypeValue = dtypeValue(intType(15), "int15");
export const int16: DTypeValue = dtypeValue(intType(16), "int16");
export const int17: DTypeValue = dtypeValue(intType(17), "int17");
export const int18: DTypeValue = dtypeValue(intType(18), "int18");
export const int19: DTypeValue = dtypeValue(intType(19), "int19");
export const int20: DTypeValue = dtypeValue(intType(20), "int20");
export const int21: DTypeValue = dtypeValue(intType(21), "int21");
export const int22: DTypeValue = dtypeValue(intType(22), "int22");
export const int23: DTypeValue = dtypeValue(intType(23), "int23");
export const int24: DTypeValue = dtypeValue(intType(24), "int24");
export const int25: DTypeValue = dtypeValue(intType(25), "int25");
export const int26: DTypeValue = dtypeValue(intType(26), "int26");
export const int27: DTypeValue = dtypeValue(intType(27), "int27");
export const int28: DTypeValue = dtypeValue(intType(28), "int28");
export const int29: DTypeValue = dtypeValue(intType(29), "int29");
export const int30: DTypeValue = dtypeValue(intType(30), "int30");
export const int31: DTypeValue = dtypeValue(intType(31), "int31");
export const int32: DTypeValue = dtypeValue(intType(32), "int32");
export const int33: DTypeValue = dtypeValue(intType(33), "int33");
export const int34: DTypeValue = dtypeValue(intType(34), "int34");
export const int35: DTypeValue = dtypeValue(intType(35), "int35");
export const int36: DTypeValue = dtypeValue(intType(36), "int36");
export const int37: DTypeValue = dtypeValue(intType(37), "int37");
export const int38: DTypeValue = dtypeValue(intType(38), "int38");
export const int39: DTypeValue = dtypeValue(intType(39), "int39");
export const int40: DTypeValue = dtypeValue(intType(40), "int40");
export const int41: DTypeValue = dtypeValue(intType(41), "int41");
export const int42: DTypeValue = dtypeValue(intType(42), "int42");
export const int43: DTypeValue = dtypeValue(intType(43), "int43");
export const int44: DTypeValue = dtypeValue(intType(44), "int44");
export const int45: DTypeValue = dtypeValue(intType(45), "int45");
export const int46: DTypeValue = dtypeValue(intType(46), "int46");
export const int47: DTypeValue = dtypeValue(intType(47), "int47");
export const int48: DTypeValue = dtypeValue(intType(48), "int48");
export const int49: DTypeValue = dtypeValue(intType(49), "int49");
export const int50: DTypeValue = dtypeValue(intType(50), "int50");
export const int51: DTypeValue = dtypeValue(intType(51), "int51");
export const int52: DTypeValue = dtypeValue(intType(52), "int52");
export const int53: DTypeValue = dtypeValue(intType(53), "int53");
export const int54: DTypeValue = dtypeValue(intType(54), "int54");
export const int55: DTypeValue = dtypeValue(intType(55), "int55");
export const int56: DTypeValue = dtypeValue(intType(56), "int56");
export const int57: DTypeValue = dtypeValue(intType(57), "int57");
export const int58: DTypeValue = dtypeValue(intType(58), "int58");
export const int59: DTypeValue = dtypeValue(intType(59), "int59");
export const int60: DTypeValue = dtypeValue(intType(60), "int60");
export const int61: DTypeValue = dtypeValue(intType(61), "int61");
export const int62: DTypeValue = dtypeValue(intType(62), "int62");
export const int63: DTypeValue = dtypeValue(intType(63), "int63");
export const int64: DTypeValue = dtypeValue(intType(64), "int64");
export const uint1: DTypeValue = dtypeValue(uintType(1), "uint1");
export const uint2: DTypeValue = dtypeValue(uintType(2), "uint2");
export const uint3: DTypeValue = dtypeValue(uintType(3), "uint3");
export const uint4: DTypeValue = dtypeValue(uintType(4), "uint4");
export const uint5: DTypeValue = dtypeValue(uintType(5), "uint5");
export const uint6: DTypeValue = dtypeValue(uintType(6), "uint6");
export const uint7: DTypeValue = dtypeValue(uintType(7), "uint7");
export const uint8: DTypeValue = dtypeValue(uintType(8), "uint8");
export const uint9: DTypeValue = dtypeValue(uintType(9), "uint9");
export const uint10: DTypeValue = dtypeValue(uintType(10), "uint10");
export const uint11: DTypeValue = dtypeValue(uintType(11), "uint11");
export const uint12: DTypeValue = dtypeValue(uintType(12), "uint12");
export const uint13: DTypeValue = dtypeValue(uintType(13), "uint13");
export const uint14: DTypeValue = dtypeValue(uintType(14), "uint14");
export const uint15: DTypeValue = dtypeValue(uintType(15), "uint15");
export const uint16: DTypeValue = dtypeValue(uintType(16), "uint16");
export const uint17: DTypeValue = dtypeValue(uintType(17), "uint17");
export const uint18: DTypeValue = dtypeValue(uintType(18), "uint18");
export const uint19: DTypeValue = dtypeValue(uintType(19), "uint19");
export const uint20: DTypeValue = dtypeValue(uintType(20), "uint20");
export const uint21: DTypeValue = dtypeValue(uintType(21), "uint21");
export const uint22: DTypeValue = dtypeValue(uintType(22), "uint22");
export const uint23: DTypeValue = dtypeValue(uintType(23), "uint23");
export const uint24: DTypeValue = dtypeValue(uintType(24), "uint24");
export const uint25: DTypeValue = dtypeValue(uintType(25), "uint25");
export const uint26: DTypeValue = dtypeValue(uintType(26), "uint26");
export const uint27: DTypeValue = dtypeValue(uintType(27), "uint27");
export const uint28: DTypeValue = dtypeValue(uintType(28), "uint28");
export const uint29: DTypeValue = dtypeValue(uintType(29), "uint29");
export const uint30: DTypeValue = dtypeValue(uintType(30), "uint30");
export const uint31: DTypeValue = dtypeValue(uintType(31), "uint31");
export const uint32: DTypeValue = dtypeValue(uintType(32), "uint32");
export const uint33: DTypeValue = dtypeValue(uintType(33), "uint33");
export const uint34: DTypeValue = dtypeValue(uintType(34), "uint34");
export const uint35: DTypeValue = dtypeValue(uintType(35), "uint35");
export const uint36: DTypeValue = dtypeValue(uintType(36), "uint36");
export const uint37: DTypeValue = dtypeValue(uintType(37), "uint37");
export const uint38: DTypeValue = dtypeValue(uintType(38), "uint38");
export const uint39: DTypeValue = dtypeValue(uintType(39), "uint39");
export const uint40: DTypeValue = dtypeValue(uintType(40), "uint40");
export const uint41: DTypeValue = dtypeValue(uintType(41), "uint41");
export const uint42: DTypeValue = dtypeValue(uintType(42), "uint42");
export const uint43: DTypeValue = dtypeValue(uintType(43), "uint43");
export const uint44: DTypeValue = dtypeValue(uintType(44), "uint44");
export const uint45: DTypeValue = dtypeValue(uintType(45), "uint45");
export const uint46: DTypeValue = dtypeValue(uintType(46), "uint46");
export const uint47: DTypeValue = dtypeValue(uintType(47), "uint47");
export const uint48: DTypeValue = dtypeValue(uintType(48), "uint48");
export const uint49: DTypeValue = dtypeValue(uintType(49), "uint49");
export const uint50: DTypeValue = dtypeValue(uintType(50), "uint50");
export const uint51: DTypeValue = dtypeValue(uintType(51), "uint51");
export const uint52: DTypeValue = dtypeValue(uintType(52), "uint52");
export const uint53: DTypeValue = dtypeValue(uintType(53), "uint53");
export const uint54: DTypeValue = dtypeValue(uintType(54), "uint54");
export const uint55: DTypeValue = dtypeValue(uintType(55), "uint55");
export const uint56: DTypeValue = dtypeValue(uintType(56), "uint56");
export const uint57: DTypeValue = dtypeValue(uintType(57), "uint57");
export const uint58: DTypeValue = dtypeValue(uintType(58), "uint58");
export const uint59: DTypeValue = dtypeValue(uintType(59), "uint59");
export const uint60: DTypeValue = dtypeValue(uintType(60), "uint60");
export const uint61: DTypeValue = dtypeValue(uintType(61), "uint61");
export const uint62: DTypeValue = dtypeValue(uintType(62), "uint62");
export const uint63: DTypeValue = dtypeValue(uintType(63), "uint63");
export const uint64: DTypeValue = dtypeValue(uintType(64), "uint64");

export type int1<S extends Shape = []> = TensorOf<"int1", S>;
export type int2<S extends Shape = []> = TensorOf<"int2", S>;
export type int3<S extends Shape = []> = TensorOf<"int3", S>;
export type int4<S extends Shape = []> = TensorOf<"int4", S>;
export type int5<S extends Shape = []> = TensorOf<"int5", S>;
export type int6<S extends Shape = []> = TensorOf<"int6", S>;
export type int7<S extends Shape = []> = TensorOf<"int7", S>;
export type int8<S extends Shape = []> = TensorOf<"int8", S>;
export type int9<S extends Shape = []> = TensorOf<"int9", S>;
export type int10<S extends Shape = []> = TensorOf<"int10", S>;
export type int11<S extends Shape = []> = TensorOf<"int11", S>;
export type int12<S extends Shape = []> = TensorOf<"int12", S>;
export type int13<S extends Shape = []> = TensorOf<"int13", S>;
export type int14<S extends Shape = []> = TensorOf<"int14", S>;
export type int15<S extends Shape = []> = TensorOf<"int15", S>;
export type int16<S extends Shape = []> = TensorOf<"int16", S>;
export type int17<S extends Shape = []> = TensorOf<"int17", S>;
export type int18<S extends Shape = []> = TensorOf<"int18", S>;
export type int19<S extends Shape = []> = TensorOf<"int19", S>;
export type int20<S extends Shape = []> = TensorOf<"int20", S>;
export type int21<S extends Shape = []> = TensorOf<"int21", S>;
export type int22<S extends Shape = []> = TensorOf<"int22", S>;
export type int23<S extends Shape = []> = TensorOf<"int23", S>;
export type int24<S extends Shape = []> = TensorOf<"int24", S>;
export type int25<S extends Shape = []> = TensorOf<"int25", S>;
export type int26<S extends Shape = []> = TensorOf<"int26", S>;
export type int27<S extends Shape = []> = TensorOf<"int27", S>;
export type int28<S extends Shape = []> = TensorOf<"int28", S>;
export type int29<S extends Shape = []> = TensorOf<"int29", S>;
export type int30<S extends Shape = []> = TensorOf<"int30", S>;
export type int31<S extends Shape = []> = TensorOf<"int31", S>;
export type int32<S extends Shape = []> = TensorOf<"int32", S>;
export type int33<S extends Shape = []> = TensorOf<"int33", S>;
export type int34<S extends Shape = []> = TensorOf<"int34", S>;
export type int35<S extends Shape = []> = TensorOf<"int35", S>;
export type int36<S extends Shape = []> = TensorOf<"int36", S>;
export type int37<S extends Shape = []> = TensorOf<"int37", S>;
export type int38<S extends Shape = []> = TensorOf<"int38", S>;
export type int39<S extends Shape = []> = TensorOf<"int39", S>;
export type int40<S extends Shape = []> = TensorOf<"int40", S>;
export type int41<S extends Shape = []> = TensorOf<"int41", S>;
export type int42<S extends Shape = []> = TensorOf<"int42", S>;
export type int43<S extends Shape = []> = TensorOf<"int43", S>;
export type int44<S extends Shape = []> = TensorOf<"int44", S>;
export type int45<S extends Shape = []> = TensorOf<"int45", S>;
export type int46<S extends Shape = []> = TensorOf<"int46", S>;
export type int47<S extends Shape = []> = TensorOf<"int47", S>;
export type int48<S extends Shape = []> = TensorOf<"int48", S>;
export type int49<S extends Shape = []> = TensorOf<"int49", S>;
export type int50<S extends Shape = []> = TensorOf<"int50", S>;
export type int51<S extends Shape = []> = TensorOf<"int51", S>;
export type int52<S extends Shape = []> = TensorOf<"int52", S>;
export type int53<S extends Shape = []> = TensorOf<"int53", S>;
export type int54<S extends Shape = []> = TensorOf<"int54", S>;
export type int55<S extends Shape = []> = TensorOf<"int55", S>;
export type int56<S extends Shape = []> = TensorOf<"int56", S>;
export type int57<S extends Shape = []> = TensorOf<"int57", S>;
export type int58<S extends Shape = []> = TensorOf<"int58", S>;
export type int59<S extends Shape = []> = TensorOf<"int59", S>;
export type int60<S extends Shape = []> = TensorOf<"int60", S>;
export type int61<S extends Shape = []> = TensorOf<"int61", S>;
export type int62<S extends Shape = []> = TensorOf<"int62", S>;
export type int63<S extends Shape = []> = TensorOf<"int63", S>;
export type int64<S extends Shape = []> = TensorOf<"int64", S>;
export type uint1<S extends Shape = []> = TensorOf<"uint1", S>;
export type uint2<S extends Shape = []> = TensorOf<"uint2", S>;
export type uint3<S extends Shape = []> = TensorOf<"uint3", S>;
export type uint4<S extends Shape = []> = TensorOf<"uint4", S>;
export type uint5<S extends Shape = []> = TensorOf<"uint5", S>;
export type uint6<S extends Shape = []> = TensorOf<"uint6", S>;
export type uint7<S extends Shape = []> = TensorOf<"uint7", S>;
export type uint8<S extends Shape = []> = TensorOf<"uint8", S>;
export type uint9<S extends Shape = []> = TensorOf<"uint9", S>;
export type uint10<S extends Shape = []> = TensorOf<"uint10", S>;
export type uint11<S extends Shape = []> = TensorOf<"uint11", S>;
export type uint12<S extends Shape = []> = TensorOf<"uint12", S>;
export type uint13<S extends Shape = []> = TensorOf<"uint13", S>;
export type uint14<S extends Shape = []> = TensorOf<"uint14", S>;
export type uint15<S extends Shape = []> = TensorOf<"uint15", S>;
export type uint16<S extends Shape = []> = TensorOf<"uint16", S>;
export type uint17<S extends Shape = []> = TensorOf<"uint17", S>;
export type uint18<S extends Shape = []> = TensorOf<"uint18", S>;
export type uint19<S extends Shape = []> = TensorOf<"uint19", S>;
export type uint20<S extends Shape = []> = TensorOf<"uint20", S>;
export type uint21<S extends Shape = []> = TensorOf<"uint21", S>;
export type uint22<S extends Shape = []> = TensorOf<"uint22", S>;
export type uint23<S extends Shape = []> = TensorOf<"uint23", S>;
export type uint24<S extends Shape = []> = TensorOf<"uint24", S>;
export type uint25<S extends Shape = []> = TensorOf<"uint25", S>;
export type uint26<S extends Shape = []> = TensorOf<"uint26", S>;
export type uint27<S extends Shape = []> = TensorOf<"uint27", S>;
export type uint28<S extends Shape = []> = TensorOf<"uint28", S>;
export type uint29<S extends Shape = []> = TensorOf<"uint29", S>;
export type uint30<S extends Shape = []> = TensorOf<"uint30", S>;
export type uint31<S extends Shape = []> = TensorOf<"uint31", S>;
export type uint32<S extends Shape = []> = TensorOf<"uint32", S>;
export type uint33<S extends Shape = []> = TensorOf<"uint33", S>;
export type uint34<S extends Shape = []> = TensorOf<"uint34", S>;
export type uint35<S extends Shape = []> = TensorOf<"uint35", S>;
export type uint36<S extends Shape = []> = TensorOf<"uint36", S>;
export type uint37<S extends Shape = []> = TensorOf<"uint37", S>;
export type uint38<S extends Shape = []> = TensorOf<"uint38", S>;
export type uint39<S extends Shape = []> = TensorOf<"uint39", S>;
export type uint40<S extends Shape = []> = TensorOf<"uint40", S>;
export type uint41<S extends Shape = []> = TensorOf<"uint41", S>;
export type uint42<S extends Shape = []> = TensorOf<"uint42", S>;
export type uint43<S extends Shape = []> = TensorOf<"uint43", S>;
export type uint44<S extends Shape = []> = TensorOf<"uint44", S>;
export type uint45<S extends Shape = []> = TensorOf<"uint45", S>;
export type uint46<S extends Shape = []> = TensorOf<"uint46", S>;
export type uint47<S extends Shape = []> = TensorOf<"uint47", S>;
export type uint48<S extends Shape = []> = TensorOf<"uint48", S>;
export type uint49<S extends Shape = []> = TensorOf<"uint49", S>;
export type uint50<S extends Shape = []> = TensorOf<"uint50", S>;
export type uint51<S extends Shape = []> = TensorOf<"uint51", S>;
export type uint52<S extends Shape = []> = TensorOf<"uint52", S>;
export type uint53<S extends Shape = []> = TensorOf<"uint53", S>;
export type uint54<S extends Shape = []> = TensorOf<"uint54", S>;
export type uint55<S extends Shape = []> = TensorOf<"uint55", S>;
export type uint56<S extends Shape = []> = TensorOf<"uint56", S>;
export type uint57<S extends Shape = []> = TensorOf<"uint57", S>;
export type uint58<S extends Shape = []> = TensorOf<"uint58", S>;
export type uint59<S extends Shape = []> = TensorOf<"uint59", S>;
export type uint60<S extends Shape = []> = TensorOf<"uint60", S>;
export type uint61<S extends Shape = []> = TensorOf<"uint61", S>;
export type uint62<S extends Shape = []> = TensorOf<"uint62", S>;
export type uint63<S extends Shape = []> = TensorOf<"uint63", S>;
export type uint64<S extends Shape = []> = TensorOf<"uint64", S>;

/** Every integer dtype value by name. */
export const INT_DTYPES: Readonly<Record<string, DTypeValue>> = {
  int1,
  int2,
  int3,
  int4,
  int5,
  int6,
  int7,
  int8,
  int9,
  int10,
  int11,
  int12,
  int13,
  int14,
  int15,
  int16,
  int17,
  int18,
  int19,
  int20,
  int21,
  int22,
  int23,
  int24,
  int25,
  int26,
  int27,
  int28,
  int29,
  int30,
  int31,
  int32,
  int33,
  int34,
  int35,
  int36,
  int37,
  int38,
  int39,
  int40,
  int41,
  int42,
  int43,
  int44,
  int45,
  int46,
  int47,
  int48,
  int49,
  int50,
  int51,
  int52,
  int53,
  int54,
  int55,
  int56,
  int57,
  int58,
  int59,
  int60,
  int61,
  int62,
  int63,
  int64,
  uint1,
  uint2,
  uint3,
  uint4,
  uint5,
  uint6,
  uint7,
  uint8,
  uint9,
  uint10,
  uint11,
  uint12,
  uint13,
  uint14,
  uint15,
  uint16,
  uint17,
  uint18,
  uint19,
  uint20,
  uint21,
  uint22,
  uint23,
  uint24,
  uint25,
  uint26,
  uint27,
  uint28,
  uint29,
  uint30,
  uint31,
  uint32,
  uint33,
  uint34,
  uint35,
  uint36,
  uint37,
  uint38,
  uint39,
  uint40,
  uint41,
  uint42,
  uint43,
  uint44,
  uint45,
  uint46,
  uint47,
  uint48,
  uint49,
  uint50,
  uint51,
  uint52,
  uint53,
  uint54,
  uint55,
  uint56,
  uint57,
  uint58,
  uint59,
  uint60,
  uint61,
  uint62,
  uint63,
  uint64,
};
