#ifndef STRATA_CSHIM_H
#define STRATA_CSHIM_H
#include <sys/types.h>
#include <stdint.h>
#endif
