/* placeholder */
#include "factures-store.h"
