/* placeholder */
#include "factures-rows.h"
