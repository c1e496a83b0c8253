// Only the header: LLVMFuzzerRunDriver is libFuzzer's.
#include "CFuzzer.h"
