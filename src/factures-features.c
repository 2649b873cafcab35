/* factures-features.c — the features the window's first frame does not need, loaded on first use
 *
 * Issue 12 (first frame <= 2x a bare AdwApplicationWindow): the code that needs poppler, qpdf,
 * libxml2, QR codes, GMime, curl, libsecret and libofx (Factur-X and CII/UBL, e-invoicing and
 * e-reporting, mail, bank files, PDF preview and printing) is linked into the module
 * factures-features.so rather than into `factures`, so that those libraries and their ~50
 * dependencies are not loaded and relocated before the first frame. Each public function of
 * that code has here a function of the same name and signature (checked against its header)
 * that loads the module on the first call of any of them and calls the module's function.
 * The module is built from the very objects of the static libraries that the command-line
 * binaries and the tests link (src/meson.build), so there is one code path; it leaves the
 * functions of the layers below to `factures`, which exports them (export_dynamic).
 *
 * Loaded from beside the binary (the build tree), else from FACTURES_MODULEDIR. A missing or
 * broken module is a broken installation: the process stops with a message naming the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "factures-bank-readers.h"
#include "factures-cdar.h"
#include "factures-ereporting.h"
#include "factures-pa-client.h"
#include "factures-pa-error.h"
#include "factures-pa-secret.h"
#include "factures-mail-message.h"
#include "factures-mail-secret.h"
#include "factures-smtp.h"
#include "factures-cii-parse.h"
#include "factures-cii-reader.h"
#include "factures-cii.h"
#include "factures-facturx.h"
#include "factures-qr.h"
#include "factures-ubl-reader.h"
#include "factures-document-print.h"
#include "factures-pdf-preview.h"

#define FEATURES_MODULE "factures-features." G_MODULE_SUFFIX

static GModule *
features_module (void)
{
  static GModule *module = NULL;
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *path = NULL;

      if (self != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (self);

          path = g_build_filename (dir, FEATURES_MODULE, NULL);
          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_clear_pointer (&path, g_free);
        }
      if (path == NULL)
        path = g_build_filename (FACTURES_MODULEDIR, FEATURES_MODULE, NULL);
      /* every symbol bound now: a module that does not fit this binary fails here, whole */
      module = g_module_open (path, G_MODULE_BIND_LOCAL);
      if (module == NULL)
        g_error ("factures: cannot load %s: %s", path, g_module_error ());
      g_module_make_resident (module);
      g_debug ("features module loaded from %s", path);
      g_once_init_leave (&loaded, 1);
    }
  return module;
}

/* The module's function NAME, looked up once per call site (CACHE). */
static gpointer
feature (const char *name,
         gpointer   *cache)
{
  gpointer symbol = g_atomic_pointer_get (cache);

  if (symbol == NULL)
    {
      if (!g_module_symbol (features_module (), name, &symbol) || symbol == NULL)
        g_error ("factures: %s has no %s", g_module_name (features_module ()), name);
      g_atomic_pointer_set (cache, symbol);
    }
  return symbol;
}

/* NAME's definition in the module, with NAME's type (from its header). */
#define EXTRA(name) \
  ((__typeof__ (&name)) feature (#name, &name##_cache))

/* One cache per function. */
#define CACHE(name) static gpointer name##_cache

GType
factures_document_print_operation_get_type (void)
{
  CACHE (factures_document_print_operation_get_type);
  return EXTRA (factures_document_print_operation_get_type) ();
}

GType
factures_pdf_preview_get_type (void)
{
  CACHE (factures_pdf_preview_get_type);
  return EXTRA (factures_pdf_preview_get_type) ();
}

FacturesBankFile *
factures_bank_read_camt (const char *path,
                         GCancellable *cancellable,
                         FacturesBankProgress progress,
                         gpointer progress_data,
                         GError **error)
{
  CACHE (factures_bank_read_camt);
  return EXTRA (factures_bank_read_camt) (path, cancellable, progress, progress_data, error);
}

FacturesBankFile *
factures_bank_read_ofx (const char *path,
                        GCancellable *cancellable,
                        FacturesBankProgress progress,
                        gpointer progress_data,
                        GError **error)
{
  CACHE (factures_bank_read_ofx);
  return EXTRA (factures_bank_read_ofx) (path, cancellable, progress, progress_data, error);
}

GBytes *
factures_cdar_build (const char *message_id,
                     gint code,
                     const char *role,
                     const char *number,
                     const GDate *issue_date,
                     const char *seller_siren,
                     const char *seller_name,
                     const char *buyer_siren,
                     const char *buyer_name,
                     const char *reason_code,
                     const char *reason,
                     const gint64 *amounts,
                     guint n_amounts,
                     GDateTime *now)
{
  CACHE (factures_cdar_build);
  return EXTRA (factures_cdar_build) (message_id, code, role, number, issue_date, seller_siren, seller_name, buyer_siren, buyer_name, reason_code, reason, amounts, n_amounts, now);
}

GPtrArray *
factures_cdar_parse (GBytes *xml,
                     GError **error)
{
  CACHE (factures_cdar_parse);
  return EXTRA (factures_cdar_parse) (xml, error);
}

const char *
factures_ereport_block_flow_type (FacturesEreportBlocks block)
{
  CACHE (factures_ereport_block_flow_type);
  return EXTRA (factures_ereport_block_flow_type) (block);
}

const char *
factures_ereport_block_rule (FacturesEreportBlocks block)
{
  CACHE (factures_ereport_block_rule);
  return EXTRA (factures_ereport_block_rule) (block);
}

FacturesEreport *
factures_ereport_build (FacturesStore *store,
                        const FacturesEreportingPeriod *period,
                        GDateTime *now,
                        GError **error)
{
  CACHE (factures_ereport_build);
  return EXTRA (factures_ereport_build) (store, period, now, error);
}

gboolean
factures_ereport_check_xsd (GBytes *xml,
                            const char *xsd_path,
                            GError **error)
{
  CACHE (factures_ereport_check_xsd);
  return EXTRA (factures_ereport_check_xsd) (xml, xsd_path, error);
}

char *
factures_ereport_default_file (const FacturesEreport *report)
{
  CACHE (factures_ereport_default_file);
  return EXTRA (factures_ereport_default_file) (report);
}

void
factures_ereport_free (FacturesEreport *report)
{
  CACHE (factures_ereport_free);
  EXTRA (factures_ereport_free) (report);
}

gboolean
factures_ereport_is_empty (const FacturesEreport *report)
{
  CACHE (factures_ereport_is_empty);
  return EXTRA (factures_ereport_is_empty) (report);
}

gint64
factures_ereport_record (FacturesStore *store,
                         const FacturesEreport *report,
                         GBytes *xml,
                         const char *file,
                         GError **error)
{
  CACHE (factures_ereport_record);
  return EXTRA (factures_ereport_record) (store, report, xml, file, error);
}

gboolean
factures_ereport_send (FacturesStore *store,
                       FacturesPaClient *client,
                       const FacturesEreport *report,
                       gint64 report_id,
                       FacturesEreportSendFunc on_block,
                       gpointer user_data,
                       guint *out_sent,
                       GError **error)
{
  CACHE (factures_ereport_send);
  return EXTRA (factures_ereport_send) (store, client, report, report_id, on_block, user_data, out_sent, error);
}

GBytes *
factures_ereport_to_xml (const FacturesEreport *report,
                         FacturesEreportBlocks blocks)
{
  CACHE (factures_ereport_to_xml);
  return EXTRA (factures_ereport_to_xml) (report, blocks);
}

char *
factures_ereporting_period_key (const FacturesEreportingPeriod *period)
{
  CACHE (factures_ereporting_period_key);
  return EXTRA (factures_ereporting_period_key) (period);
}

gboolean
factures_ereporting_period_parse (const char *text,
                                  FacturesEreportingPeriodicity periodicity,
                                  FacturesEreportingPeriod *out,
                                  GError **error)
{
  CACHE (factures_ereporting_period_parse);
  return EXTRA (factures_ereporting_period_parse) (text, periodicity, out, error);
}

JsonObject *
factures_pa_client_deposit (FacturesPaClient *client,
                            const char *flow_syntax,
                            const char *flow_profile,
                            const char *processing_rule,
                            const char *name,
                            const char *tracking_id,
                            GBytes *file,
                            const char *content_type,
                            GError **error)
{
  CACHE (factures_pa_client_deposit);
  return EXTRA (factures_pa_client_deposit) (client, flow_syntax, flow_profile, processing_rule, name, tracking_id, file, content_type, error);
}

gboolean
factures_pa_client_fetch_token (FacturesPaClient *client,
                                GError **error)
{
  CACHE (factures_pa_client_fetch_token);
  return EXTRA (factures_pa_client_fetch_token) (client, error);
}

void
factures_pa_client_free (FacturesPaClient *client)
{
  CACHE (factures_pa_client_free);
  EXTRA (factures_pa_client_free) (client);
}

const char *
factures_pa_client_get_last_request_id (FacturesPaClient *client)
{
  CACHE (factures_pa_client_get_last_request_id);
  return EXTRA (factures_pa_client_get_last_request_id) (client);
}

GBytes *
factures_pa_client_get_original (FacturesPaClient *client,
                                 const char *flow_id,
                                 GError **error)
{
  CACHE (factures_pa_client_get_original);
  return EXTRA (factures_pa_client_get_original) (client, flow_id, error);
}

gint
factures_pa_client_get_retry_after (FacturesPaClient *client)
{
  CACHE (factures_pa_client_get_retry_after);
  return EXTRA (factures_pa_client_get_retry_after) (client);
}

guint
factures_pa_client_get_timeout (FacturesPaClient *client)
{
  CACHE (factures_pa_client_get_timeout);
  return EXTRA (factures_pa_client_get_timeout) (client);
}

gboolean
factures_pa_client_healthcheck (FacturesPaClient *client,
                                GError **error)
{
  CACHE (factures_pa_client_healthcheck);
  return EXTRA (factures_pa_client_healthcheck) (client, error);
}

FacturesPaClient *
factures_pa_client_new (const FacturesPaAccount *account,
                        const char *secret)
{
  CACHE (factures_pa_client_new);
  return EXTRA (factures_pa_client_new) (account, secret);
}

GBytes *
factures_pa_client_post_json (FacturesPaClient *client,
                              const char *base_url,
                              const char *path,
                              const char *json_body,
                              long *out_status,
                              GError **error)
{
  CACHE (factures_pa_client_post_json);
  return EXTRA (factures_pa_client_post_json) (client, base_url, path, json_body, out_status, error);
}

JsonArray *
factures_pa_client_search (FacturesPaClient *client,
                           JsonObject *where,
                           guint limit,
                           GError **error)
{
  CACHE (factures_pa_client_search);
  return EXTRA (factures_pa_client_search) (client, where, limit, error);
}

gboolean
factures_pa_error_is_transient (const GError *error)
{
  CACHE (factures_pa_error_is_transient);
  return EXTRA (factures_pa_error_is_transient) (error);
}

gboolean
factures_pa_error_is_uncertain (const GError *error)
{
  CACHE (factures_pa_error_is_uncertain);
  return EXTRA (factures_pa_error_is_uncertain) (error);
}

GQuark
factures_pa_error_quark (void)
{
  CACHE (factures_pa_error_quark);
  return EXTRA (factures_pa_error_quark) ();
}

gboolean
factures_pa_secret_clear (const char *token_url,
                          const char *client_id,
                          GCancellable *cancellable,
                          GError **error)
{
  CACHE (factures_pa_secret_clear);
  return EXTRA (factures_pa_secret_clear) (token_url, client_id, cancellable, error);
}

void
factures_pa_secret_free (char *secret)
{
  CACHE (factures_pa_secret_free);
  EXTRA (factures_pa_secret_free) (secret);
}

char *
factures_pa_secret_lookup (const char *token_url,
                           const char *client_id,
                           GCancellable *cancellable,
                           GError **error)
{
  CACHE (factures_pa_secret_lookup);
  return EXTRA (factures_pa_secret_lookup) (token_url, client_id, cancellable, error);
}

gboolean
factures_pa_secret_store (const char *token_url,
                          const char *client_id,
                          const char *secret,
                          GCancellable *cancellable,
                          GError **error)
{
  CACHE (factures_pa_secret_store);
  return EXTRA (factures_pa_secret_store) (token_url, client_id, secret, cancellable, error);
}

char *
factures_mail_message_body_text (GBytes *message)
{
  CACHE (factures_mail_message_body_text);
  return EXTRA (factures_mail_message_body_text) (message);
}

char *
factures_mail_format_date (GDateTime *date)
{
  CACHE (factures_mail_format_date);
  return EXTRA (factures_mail_format_date) (date);
}

GBytes *
factures_mail_message_build (const FacturesMailContent *content,
                             char **out_message_id,
                             GError **error)
{
  CACHE (factures_mail_message_build);
  return EXTRA (factures_mail_message_build) (content, out_message_id, error);
}

GPtrArray *
factures_mail_parse_recipients (const char *text,
                                GError **error)
{
  CACHE (factures_mail_parse_recipients);
  return EXTRA (factures_mail_parse_recipients) (text, error);
}

gboolean
factures_mail_secret_clear (const char *server,
                            const char *user,
                            GCancellable *cancellable,
                            GError **error)
{
  CACHE (factures_mail_secret_clear);
  return EXTRA (factures_mail_secret_clear) (server, user, cancellable, error);
}

void
factures_mail_secret_free (char *password)
{
  CACHE (factures_mail_secret_free);
  EXTRA (factures_mail_secret_free) (password);
}

gboolean
factures_mail_secret_has_session (const char *server,
                                  const char *user)
{
  CACHE (factures_mail_secret_has_session);
  return EXTRA (factures_mail_secret_has_session) (server, user);
}

char *
factures_mail_secret_lookup (const char *server,
                             const char *user,
                             GCancellable *cancellable,
                             GError **error)
{
  CACHE (factures_mail_secret_lookup);
  return EXTRA (factures_mail_secret_lookup) (server, user, cancellable, error);
}

void
factures_mail_secret_set_keyring_error (GError **error,
                                        const GError *cause)
{
  CACHE (factures_mail_secret_set_keyring_error);
  EXTRA (factures_mail_secret_set_keyring_error) (error, cause);
}

void
factures_mail_secret_set_session (const char *server,
                                  const char *user,
                                  const char *password)
{
  CACHE (factures_mail_secret_set_session);
  EXTRA (factures_mail_secret_set_session) (server, user, password);
}

gboolean
factures_mail_secret_store (const char *server,
                            const char *user,
                            const char *password,
                            GCancellable *cancellable,
                            GError **error)
{
  CACHE (factures_mail_secret_store);
  return EXTRA (factures_mail_secret_store) (server, user, password, cancellable, error);
}

const char *
factures_mail_security_label (FacturesMailSecurity security)
{
  CACHE (factures_mail_security_label);
  return EXTRA (factures_mail_security_label) (security);
}

gboolean
factures_smtp_send (const FacturesMailAccount *account,
                    const char *password,
                    GPtrArray *recipients,
                    GBytes *message,
                    GCancellable *cancellable,
                    FacturesSmtpProgress progress,
                    gpointer progress_data,
                    char **out_reply,
                    GError **error)
{
  CACHE (factures_smtp_send);
  return EXTRA (factures_smtp_send) (account, password, recipients, message, cancellable, progress, progress_data, out_reply, error);
}

FacturesSmtpTestResult *
factures_smtp_test (const FacturesMailAccount *account,
                    const char *password,
                    GCancellable *cancellable)
{
  CACHE (factures_smtp_test);
  return EXTRA (factures_smtp_test) (account, password, cancellable);
}

char *
factures_smtp_test_result_describe (const FacturesSmtpTestResult *result)
{
  CACHE (factures_smtp_test_result_describe);
  return EXTRA (factures_smtp_test_result_describe) (result);
}

void
factures_smtp_test_result_free (FacturesSmtpTestResult *result)
{
  CACHE (factures_smtp_test_result_free);
  EXTRA (factures_smtp_test_result_free) (result);
}

xmlDocPtr
factures_cii_parse (const char *data,
                    gsize size,
                    GError **error)
{
  CACHE (factures_cii_parse);
  return EXTRA (factures_cii_parse) (data, size, error);
}

char *
factures_cii_schema_problem (const xmlError *err)
{
  CACHE (factures_cii_schema_problem);
  return EXTRA (factures_cii_schema_problem) (err);
}

FacturesImported *
factures_cii_read (GBytes *xml,
                   GError **error)
{
  CACHE (factures_cii_read);
  return EXTRA (factures_cii_read) (xml, error);
}

GBytes *
factures_invoice_duplicata_from_xml (GBytes *xml,
                                     GError **error)
{
  CACHE (factures_invoice_duplicata_from_xml);
  return EXTRA (factures_invoice_duplicata_from_xml) (xml, error);
}

gboolean
factures_invoice_file_check_importable (const FacturesInvoiceFile *file,
                                        GError **error)
{
  CACHE (factures_invoice_file_check_importable);
  return EXTRA (factures_invoice_file_check_importable) (file, error);
}

void
factures_invoice_file_free (FacturesInvoiceFile *file)
{
  CACHE (factures_invoice_file_free);
  EXTRA (factures_invoice_file_free) (file);
}

GBytes *
factures_invoice_file_load (GFile *file,
                            GError **error)
{
  CACHE (factures_invoice_file_load);
  return EXTRA (factures_invoice_file_load) (file, error);
}

FacturesInvoiceFile *
factures_invoice_file_open (GBytes *bytes,
                            GError **error)
{
  CACHE (factures_invoice_file_open);
  return EXTRA (factures_invoice_file_open) (bytes, error);
}

char *
factures_invoice_file_report (const FacturesInvoiceFile *file,
                              guint *out_n_problems)
{
  CACHE (factures_invoice_file_report);
  return EXTRA (factures_invoice_file_report) (file, out_n_problems);
}

FacturesInvoiceFileKind
factures_invoice_file_sniff (GBytes *bytes)
{
  CACHE (factures_invoice_file_sniff);
  return EXTRA (factures_invoice_file_sniff) (bytes);
}

GBytes *
factures_cii_build (const FacturesDocument *document,
                    GError **error)
{
  CACHE (factures_cii_build);
  return EXTRA (factures_cii_build) (document, error);
}

gboolean
factures_cii_check_xsd (GBytes *xml,
                        FacturesCiiProfile *out_profile,
                        GPtrArray **out_problems,
                        GError **error)
{
  CACHE (factures_cii_check_xsd);
  return EXTRA (factures_cii_check_xsd) (xml, out_profile, out_problems, error);
}

gboolean
factures_cii_check_xsd_profile (GBytes *xml,
                                FacturesCiiProfile profile,
                                GPtrArray **out_problems,
                                GError **error)
{
  CACHE (factures_cii_check_xsd_profile);
  return EXTRA (factures_cii_check_xsd_profile) (xml, profile, out_problems, error);
}

const char *
factures_cii_profile_conformance_level (FacturesCiiProfile profile)
{
  CACHE (factures_cii_profile_conformance_level);
  return EXTRA (factures_cii_profile_conformance_level) (profile);
}

FacturesCiiProfile
factures_cii_profile_from_guideline (const char *guideline)
{
  CACHE (factures_cii_profile_from_guideline);
  return EXTRA (factures_cii_profile_from_guideline) (guideline);
}

void
factures_facturx_register_resources (void)
{
  CACHE (factures_facturx_register_resources);
  EXTRA (factures_facturx_register_resources) ();
}

gboolean
factures_facturx_check_damage (GBytes *pdf,
                               GError **error)
{
  CACHE (factures_facturx_check_damage);
  return EXTRA (factures_facturx_check_damage) (pdf, error);
}

GPtrArray *
factures_facturx_check_pdf (GBytes *pdf)
{
  CACHE (factures_facturx_check_pdf);
  return EXTRA (factures_facturx_check_pdf) (pdf);
}

GBytes *
factures_facturx_extract_xml (GBytes *pdf,
                              char **out_name,
                              GError **error)
{
  CACHE (factures_facturx_extract_xml);
  return EXTRA (factures_facturx_extract_xml) (pdf, out_name, error);
}

GBytes *
factures_facturx_extract_xml_max (GBytes *pdf,
                                  gsize max,
                                  char **out_name,
                                  GError **error)
{
  CACHE (factures_facturx_extract_xml_max);
  return EXTRA (factures_facturx_extract_xml_max) (pdf, max, out_name, error);
}

GBytes *
factures_facturx_render (const FacturesDocument *document,
                         FacturesPdfFlags flags,
                         GError **error)
{
  CACHE (factures_facturx_render);
  return EXTRA (factures_facturx_render) (document, flags, error);
}

GBytes *
factures_facturx_wrap (GBytes *pdf,
                       GBytes *xml,
                       FacturesCiiProfile profile,
                       GError **error)
{
  CACHE (factures_facturx_wrap);
  return EXTRA (factures_facturx_wrap) (pdf, xml, profile, error);
}

gboolean
factures_qr_draw (cairo_t *cr,
                  GBytes *data,
                  double x,
                  double y,
                  double size,
                  GError **error)
{
  CACHE (factures_qr_draw);
  return EXTRA (factures_qr_draw) (cr, data, x, y, size, error);
}

guint8  *
factures_qr_modules (GBytes *data,
                     gint *out_width,
                     GError **error)
{
  CACHE (factures_qr_modules);
  return EXTRA (factures_qr_modules) (data, out_width, error);
}

gint
factures_qr_version (GBytes *data)
{
  CACHE (factures_qr_version);
  return EXTRA (factures_qr_version) (data);
}

gboolean
factures_ubl_is_ubl (GBytes *xml)
{
  CACHE (factures_ubl_is_ubl);
  return EXTRA (factures_ubl_is_ubl) (xml);
}

FacturesImported *
factures_ubl_read (GBytes *xml,
                   GError **error)
{
  CACHE (factures_ubl_read);
  return EXTRA (factures_ubl_read) (xml, error);
}

GBytes *
factures_document_pdf_bytes (FacturesStore *store,
                             const FacturesDocument *document,
                             GError **error)
{
  CACHE (factures_document_pdf_bytes);
  return EXTRA (factures_document_pdf_bytes) (store, document, error);
}

gboolean
factures_document_print (GtkWindow *parent,
                         FacturesStore *store,
                         const FacturesDocument *document,
                         GError **error)
{
  CACHE (factures_document_print);
  return EXTRA (factures_document_print) (parent, store, document, error);
}

gboolean
factures_document_print_run (GtkWindow *parent,
                             FacturesStore *store,
                             const FacturesDocument *document,
                             GtkPrintOperationAction action,
                             const char *export_filename,
                             GError **error)
{
  CACHE (factures_document_print_run);
  return EXTRA (factures_document_print_run) (parent, store, document, action, export_filename, error);
}

guint
factures_pdf_preview_get_n_pages (FacturesPdfPreview *self)
{
  CACHE (factures_pdf_preview_get_n_pages);
  return EXTRA (factures_pdf_preview_get_n_pages) (self);
}

guint
factures_pdf_preview_get_page (FacturesPdfPreview *self)
{
  CACHE (factures_pdf_preview_get_page);
  return EXTRA (factures_pdf_preview_get_page) (self);
}

GtkWidget *
factures_pdf_preview_new (void)
{
  CACHE (factures_pdf_preview_new);
  return EXTRA (factures_pdf_preview_new) ();
}

gboolean
factures_pdf_preview_set_bytes (FacturesPdfPreview *self,
                                GBytes *bytes,
                                GError **error)
{
  CACHE (factures_pdf_preview_set_bytes);
  return EXTRA (factures_pdf_preview_set_bytes) (self, bytes, error);
}

void
factures_pdf_preview_set_message (FacturesPdfPreview *self,
                                  const char *message)
{
  CACHE (factures_pdf_preview_set_message);
  EXTRA (factures_pdf_preview_set_message) (self, message);
}

void
factures_pdf_preview_set_page (FacturesPdfPreview *self,
                               guint page)
{
  CACHE (factures_pdf_preview_set_page);
  EXTRA (factures_pdf_preview_set_page) (self, page);
}
