/* placeholder — being written by the store helper */
#include "factures-store.h"
