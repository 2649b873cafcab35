/* factures-headless.c — the set-up of a process without a window (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>   /* defines __GLIBC__ on glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "factures-fonts.h"
#include "factures-headless.h"

/**
 * factures_output_init_headless:
 * (see factures-headless.h)
 */
void
factures_output_init_headless (void)
{
  factures_fonts_init_headless ();
#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, 8 * 1024 * 1024);
#endif
}
