/* placeholder — being written by the core helper */
#include "factures-terms.h"
