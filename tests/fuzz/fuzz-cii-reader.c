/* fuzz-cii-reader.c — libFuzzer target: bytes as CII XML for factures_cii_read()
 *
 * The reading entry point of the Factur-X import (src/output/factures-cii-reader.h),
 * through its public API only; an invoice it returns is then checked the way
 * the import checks it. GLib criticals abort.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <glib.h>

#include "factures-cii-reader.h"
#include "factures-imported.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("FACTURES_TODAY", "2026-07-01", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = NULL;

  imported = factures_cii_read (bytes, &error);
  if (imported == NULL)
    {
      if (error == NULL || error->message == NULL)
        abort ();  /* a refusal always says why */
      return 0;
    }

  /* What the import does next with a file it could read. */
  {
    g_autoptr(GPtrArray) problems = factures_imported_check_figures (imported);
    g_autoptr(GPtrArray) lines = NULL;
    g_autoptr(GError) lines_error = NULL;
    gint64 allowance = 0;
    gboolean exempt = FALSE;

    if (problems == NULL)
      abort ();
    if (!factures_imported_to_lines (imported, &lines, &allowance, &exempt, &lines_error) &&
        (lines_error == NULL || lines_error->message == NULL))
      abort ();
  }
  return 0;
}
