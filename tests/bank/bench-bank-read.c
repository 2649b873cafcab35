/* bench-bank-read.c — reading a generated 20,000-transaction OFX (SGML) and camt.053 with
 * factures_bank_read_file(), against reading the same file with the library alone
 * (libofx_proc_file with empty callbacks; xmlReadFile).  Each measure runs in a child process
 * (this program re-executed) so that its CPU time and peak memory (VmHWM) are its own; the
 * best time of three runs is kept.  Prints the time and peak-memory ratios; fails only when a
 * read fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
/* libofx.h defines two arrays (not just declares them); factures-bank-ofx.c already holds
 * them, so this file's copies get other names. */
#define LibofxImportFormatList bench_libofx_import_formats
#define LibofxExportFormatList bench_libofx_export_formats
#include <libofx/libofx.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "factures-bank-statement.h"

#define N_TRANSACTIONS 20000

static void
write_ofx (const char *path)
{
  GString *out = g_string_new ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\n"
                               "ENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\n"
                               "OLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n<SIGNONMSGSRSV1>\n"
                               "<SONRS>\n<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n"
                               "<DTSERVER>20240310120000\n<LANGUAGE>FRA\n</SONRS>\n"
                               "</SIGNONMSGSRSV1>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n"
                               "<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<STMTRS>\n"
                               "<CURDEF>EUR\n<BANKACCTFROM>\n<BANKID>30004\n<BRANCHID>00823\n"
                               "<ACCTID>00010203040\n<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n"
                               "<BANKTRANLIST>\n<DTSTART>20240101\n<DTEND>20241231\n");

  for (guint i = 0; i < N_TRANSACTIONS; i++)
    g_string_append_printf (out,
                            "<STMTTRN>\n<TRNTYPE>%s\n<DTPOSTED>2024%02u%02u\n<TRNAMT>%s%u.%02u\n"
                            "<FITID>FB%08u\n<NAME>%s %u\n<MEMO>FACTURE F-2024-%04u\n"
                            "</STMTTRN>\n",
                            i % 3 ? "DEBIT" : "CREDIT", 1 + i % 12, 1 + i % 28, i % 3 ? "-" : "",
                            1 + i % 997, i % 100, i, i % 3 ? "CB BOULANGERIE" : "VIR SEPA CLIENT",
                            i, i % 10000);
  g_string_append (out, "</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>1000.00\n<DTASOF>20241231\n"
                        "</LEDGERBAL>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n");
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);
}

static void
write_camt (const char *path)
{
  GString *out = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n<BkToCstmrStmt>\n"
      "<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-12-31T18:00:00</CreDtTm></GrpHdr>\n<Stmt>\n"
      "<Id>1</Id><CreDtTm>2024-12-31T18:00:00</CreDtTm>\n"
      "<Acct><Id><IBAN>FR7630004008230001020304017</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
      "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt>"
      "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>\n");

  for (guint i = 0; i < N_TRANSACTIONS; i++)
    g_string_append_printf (
        out,
        "<Ntry><Amt Ccy=\"EUR\">%u.%02u</Amt><CdtDbtInd>%s</CdtDbtInd><Sts>BOOK</Sts>"
        "<BookgDt><Dt>2024-%02u-%02u</Dt></BookgDt><ValDt><Dt>2024-%02u-%02u</Dt></ValDt>"
        "<AcctSvcrRef>FB%08u</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd>"
        "<SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>"
        "<Refs><EndToEndId>E2E%08u</EndToEndId></Refs><RltdPties><Dbtr><Nm>CLIENT %u</Nm></Dbtr>"
        "</RltdPties><RmtInf><Ustrd>FACTURE F-2024-%04u</Ustrd></RmtInf></TxDtls></NtryDtls>"
        "</Ntry>\n",
        1 + i % 997, i % 100, i % 3 ? "DBIT" : "CRDT", 1 + i % 12, 1 + i % 28, 1 + i % 12,
        1 + i % 28, i, i, i % 500, i % 10000);
  g_string_append (out, "</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);
}

static int
on_transaction (const struct OfxTransactionData data, void *user_data)
{
  (*(guint *) user_data)++;
  return 0;
}

static guint64
vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* CPU time (user + system) of this process in microseconds: the machine is shared, so wall
 * time would measure the other processes too. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* Child: one read; prints "cpu_microseconds peak_kb". */
static int
child (const char *mode, const char *path)
{
  gint64 start = cpu_us ();
  guint count = 0;

  if (strcmp (mode, "libofx") == 0)
    {
      LibofxContextPtr context;

      ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
      ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = 0;
      ofx_WARNING_msg = ofx_ERROR_msg = 0;
      context = libofx_get_new_context ();
      ofx_set_transaction_cb (context, on_transaction, &count);
      libofx_proc_file (context, path, OFX);
      libofx_free_context (context);
    }
  else if (strcmp (mode, "libxml2") == 0)
    {
      xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);

      if (doc == NULL)
        return 1;
      count = N_TRANSACTIONS;
      xmlFreeDoc (doc);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FacturesBankFile) file =
          factures_bank_read_file (path, NULL, NULL, NULL, NULL, &error);
      FacturesBankStatement *statement;

      if (file == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      statement = g_ptr_array_index (file->statements, 0);
      count = statement->transactions->len;
    }
  if (count != N_TRANSACTIONS)
    {
      g_printerr ("%s: %u transactions read, %u expected\n", mode, count, N_TRANSACTIONS);
      return 1;
    }
  printf ("%" G_GINT64_FORMAT " %" G_GUINT64_FORMAT "\n", cpu_us () - start, vm_hwm_kb ());
  return 0;
}

static void
measure (const char *self, const char *mode, const char *path, gint64 *best_us, guint64 *peak_kb)
{
  *best_us = G_MAXINT64;
  *peak_kb = 0;
  for (guint run = 0; run < 3; run++)
    {
      const char *argv[] = { self, mode, path, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      gint status = 0;
      gint64 us = 0;
      guint64 kb = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                    &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL) ||
          sscanf (out, "%" G_GINT64_FORMAT " %" G_GUINT64_FORMAT, &us, &kb) != 2)
        {
          g_printerr ("%s on %s failed\n", mode, path);
          exit (1);
        }
      *best_us = MIN (*best_us, us);
      *peak_kb = MAX (*peak_kb, kb);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *ofx = NULL;
  g_autofree char *camt = NULL;
  g_autofree char *self = NULL;
  struct
  {
    const char *what, *path, *baseline;
  } cases[2];

  if (argc == 3)
    return child (argv[1], argv[2]);

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_dir_make_tmp ("factures-bench-bank-XXXXXX", NULL);
  g_assert_nonnull (dir);
  ofx = g_build_filename (dir, "statement.ofx", NULL);
  camt = g_build_filename (dir, "statement.xml", NULL);
  write_ofx (ofx);
  write_camt (camt);
  cases[0].what = "OFX", cases[0].path = ofx, cases[0].baseline = "libofx";
  cases[1].what = "camt.053", cases[1].path = camt, cases[1].baseline = "libxml2";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 base_us, ours_us;
      guint64 base_kb, ours_kb;

      measure (self, cases[i].baseline, cases[i].path, &base_us, &base_kb);
      measure (self, "factures", cases[i].path, &ours_us, &ours_kb);
      printf ("%s, %d transactions: factures_bank_read_file %.3f s CPU, %s alone %.3f s, "
              "time ratio %.2f; peak memory %" G_GUINT64_FORMAT " KiB vs %" G_GUINT64_FORMAT
              " KiB, ratio %.2f\n",
              cases[i].what, N_TRANSACTIONS, ours_us / 1e6, cases[i].baseline, base_us / 1e6,
              (double) ours_us / MAX (base_us, 1), ours_kb, base_kb,
              (double) ours_kb / MAX (base_kb, 1));
    }

  g_unlink (ofx);
  g_unlink (camt);
  g_rmdir (dir);
  return 0;
}
