/* placeholder — being written by the output helper */
#include "factures-pdf.h"
