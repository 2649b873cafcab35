/* test-mail-store.c — the e-mail tables: account checks, outbox states, events, JSON round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-mail-presets.h"
#include "factures-mail-sender.h"
#include "factures-store-payments.h"
#include "factures-mail-template.h"
#include "factures-store-mail.h"
#include "../store/store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
  gint64         issued_id;
  gint64         draft_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Client Mail");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FacturesDocument *draft, *other, *issued;

  f->dir = store_test_make_dir ();
  path = store_test_db_path (f->dir);
  f->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_true (factures_store_save_client (f->store, client, &error));
  draft = store_test_draft (client->id, "2026-03-02", 1);
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  f->issued_id = issued->id;
  other = store_test_draft (client->id, "2026-03-03", 1);
  g_assert_true (factures_store_save_draft (f->store, other, &error));
  f->draft_id = other->id;
  factures_document_free (draft);
  factures_document_free (other);
  factures_document_free (issued);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_account (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FacturesMailAccount) account = factures_mail_account_new ();
  g_autoptr(FacturesMailAccount) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (factures_store_get_mail_account (f->store, &error));
  g_assert_no_error (error);

  account->sender_address = g_strdup (" camille@example.org ");
  account->server = g_strdup ("smtp.example.org");
  account->security = FACTURES_MAIL_SECURITY_NONE;
  g_assert_false (factures_store_save_mail_account (f->store, account, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "localhost"));
  g_clear_error (&error);

  g_free (account->server);
  account->server = g_strdup ("localhost");
  g_free (account->reply_to);
  account->reply_to = g_strdup ("not an address");
  g_assert_false (factures_store_save_mail_account (f->store, account, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&account->reply_to, g_free);
  account->user = g_strdup ("camille");
  account->bcc_self = TRUE;
  g_assert_true (factures_store_save_mail_account (f->store, account, &error));
  g_assert_no_error (error);
  back = factures_store_get_mail_account (f->store, &error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->sender_address, ==, "camille@example.org");
  g_assert_cmpstr (back->server, ==, "localhost");
  g_assert_cmpint (back->security, ==, FACTURES_MAIL_SECURITY_NONE);
  g_assert_true (back->bcc_self);
}

static void
test_presets (void)
{
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);
  const char *expected[] = { "gmail", "outlook", "orange", "free", "sfr", "laposte", "ovh",
                             "gandi", "infomaniak", "icloud", "yahoo" };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (factures_mail_preset_find (expected[i]));
      g_assert_true (g_str_has_prefix (presets[i].source, "http"));
      g_assert_true (presets[i].port == 465 || presets[i].port == 587);
      g_assert_true ((presets[i].port == 465) == (presets[i].security == FACTURES_MAIL_SECURITY_TLS));
      g_assert_nonnull (presets[i].note);
    }
}

static void
test_outbox (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) message = g_bytes_new_static ("Subject: x\r\n\r\nhello\r\n", 21);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesOutboxItem) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(FacturesDocument) before = factures_store_get_document (f->store, f->issued_id, NULL);
  g_autoptr(FacturesDocument) after = NULL;
  gint64 id;

  /* A draft cannot be sent. */
  g_assert_cmpint (factures_store_outbox_add (f->store, f->draft_id, NULL, 0, "a@b.fr", "s", "m@x",
                                              message, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  id = factures_store_outbox_add (f->store, f->issued_id, "+10:email", 0, "a@b.fr", "Sujet é",
                                  "m1@example.org", message, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  item = factures_store_outbox_get (f->store, id, &error);
  g_assert_cmpint (item->state, ==, FACTURES_OUTBOX_QUEUED);
  g_assert_true (g_bytes_equal (item->message, message));
  g_clear_pointer (&item, factures_outbox_item_free);

  /* Failure: reason kept, document untouched, no event. */
  g_assert_true (factures_store_outbox_begin_send (f->store, id, &error));
  g_assert_true (factures_store_outbox_mark_failed (f->store, id, "Délai dépassé", &error));
  item = factures_store_outbox_get (f->store, id, &error);
  g_assert_cmpint (item->state, ==, FACTURES_OUTBOX_FAILED);
  g_assert_cmpstr (item->error, ==, "Délai dépassé");
  g_assert_cmpint (item->attempts, ==, 1);
  g_clear_pointer (&item, factures_outbox_item_free);
  g_assert_cmpint (factures_store_count_events (f->store, f->issued_id, "sent", NULL), ==, 0);
  after = factures_store_get_document (f->store, f->issued_id, NULL);
  g_assert_cmpstr (after->hash, ==, before->hash);

  /* Retry, then accepted: sent with the reply and one "sent" event. */
  g_assert_true (factures_store_outbox_begin_send (f->store, id, &error));
  g_assert_true (factures_store_outbox_mark_sent (f->store, id, "250 2.0.0 Ok: queued", &error));
  g_assert_no_error (error);
  item = factures_store_outbox_get (f->store, id, &error);
  g_assert_cmpint (item->state, ==, FACTURES_OUTBOX_SENT);
  g_assert_cmpint (item->attempts, ==, 2);
  g_assert_cmpstr (item->server_reply, ==, "250 2.0.0 Ok: queued");
  g_assert_null (item->error);
  g_assert_cmpint (factures_store_count_events (f->store, f->issued_id, "sent", NULL), ==, 1);

  /* A sent message never changes again. */
  g_assert_false (factures_store_outbox_begin_send (f->store, id, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE);
  g_clear_error (&error);

  /* A crash while sending leaves "sending": recovered as failed. */
  id = factures_store_outbox_add (f->store, f->issued_id, NULL, 0, "a@b.fr", "s2", "m2@x", message, &error);
  g_assert_true (factures_store_outbox_begin_send (f->store, id, &error));
  g_assert_cmpint (factures_store_outbox_recover (f->store, &error), ==, 1);
  items = factures_store_outbox_list (f->store, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((FacturesOutboxItem *) items->pdata[0])->state, ==, FACTURES_OUTBOX_FAILED);

  g_assert_true (factures_store_record_acknowledgment (f->store, f->issued_id, "Accusé de lecture reçu", &error));
  g_assert_cmpint (factures_store_count_events (f->store, f->issued_id, "acknowledged", NULL), ==, 1);
  g_assert_false (factures_store_record_acknowledgment (f->store, f->draft_id, NULL, &error));
  g_clear_error (&error);
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expanded = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(FacturesDocument) document = factures_store_get_document (f->store, f->issued_id, NULL);
  GDate today;

  for (const char * const *key = factures_mail_template_keys (); *key; key++)
    {
      g_autofree char *s = NULL;
      g_autofree char *b = NULL;

      g_assert_true (factures_mail_template_load_default (*key, &s, &b, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (s, !=, "");
      g_assert_nonnull (strstr (b, "{"));
    }
  g_assert_true (factures_mail_template_load (f->store, "mail-invoice", &subject, &body, &error));
  g_assert_cmpstr (subject, ==, "Facture {number} — {amount}");

  g_date_set_dmy (&today, 1, 1, 2030);
  values = factures_mail_template_values (document, &today);
  expanded = factures_mail_template_expand (subject, values);
  g_assert_cmpstr (expanded, ==, "Facture F2026-0001 — 100,00\u00a0€");
  g_assert_cmpstr (g_hash_table_lookup (values, "client"), ==, "Client Mail");
  g_assert_cmpint (atoi (g_hash_table_lookup (values, "days_late")), >, 1000);
  g_clear_pointer (&expanded, g_free);
  expanded = factures_mail_template_expand ("{unknown} {number}", values);
  g_assert_cmpstr (expanded, ==, "{unknown} F2026-0001");

  /* issue 13 item 4: a document in GBP gives its amounts in GBP */
  g_clear_pointer (&values, g_hash_table_unref);
  g_clear_pointer (&expanded, g_free);
  g_free (document->currency);
  document->currency = g_strdup ("GBP");
  values = factures_mail_template_values (document, &today);
  expanded = factures_mail_template_expand (subject, values);
  g_assert_cmpstr (expanded, ==, "Facture F2026-0001 — 100,00\u00a0GBP");
  g_assert_cmpstr (g_hash_table_lookup (values, "total"), ==, "100,00\u00a0GBP");

  /* The user's version wins, and can be reset. */
  g_assert_true (factures_store_save_mail_template (f->store, "mail-invoice", "Votre facture {number}", "Bonjour", &error));
  g_clear_pointer (&subject, g_free);
  g_assert_true (factures_mail_template_load (f->store, "mail-invoice", &subject, NULL, &error));
  g_assert_cmpstr (subject, ==, "Votre facture {number}");
  g_assert_false (factures_store_save_mail_template (f->store, "mail-invoice", "two\nlines", "x", &error));
  g_clear_error (&error);
  g_assert_true (factures_store_reset_mail_template (f->store, "mail-invoice", &error));
  g_clear_pointer (&subject, g_free);
  g_assert_true (factures_mail_template_load (f->store, "mail-invoice", &subject, NULL, &error));
  g_assert_cmpstr (subject, ==, "Facture {number} — {amount}");
}

/* An accepted message that performs a dunning step records the step as done. */
static void
test_dunning_step (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) message = g_bytes_new_static ("Subject: x\r\n\r\nrelance\r\n", 23);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  gboolean done = FALSE;
  GDate today;
  gint64 id;

  /* The to-do queue first records the missed pre-due step as skipped. */
  factures_today (&today);
  g_assert_true (factures_store_catch_up (f->store, &today, NULL, &error));
  id = factures_store_outbox_add (f->store, f->issued_id, "+3:email", 0, "a@b.fr", "Relance",
                                  "r1@example.org", message, &error);
  g_assert_no_error (error);
  /* Not sent yet: nothing is recorded. */
  g_assert_true (factures_mail_record_step (f->store, id, &error));
  g_assert_true (factures_store_outbox_begin_send (f->store, id, &error));
  g_assert_true (factures_store_outbox_mark_sent (f->store, id, "250 ok", &error));
  factures_mail_record_step (f->store, id, &error);
  g_assert_no_error (error);

  plan = factures_store_get_dunning_plan (f->store, f->issued_id, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->len; i++)
    {
      FacturesDunningTask *task = g_ptr_array_index (plan, i);

      if (g_strcmp0 (task->step.step_key, "+3:email") == 0)
        done = task->step.state == FACTURES_STEP_STATE_DONE;
    }
  g_assert_true (done);
  /* Recorded once: a second call is refused by the dunning engine. */
  g_assert_false (factures_mail_record_step (f->store, id, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(FacturesMailAccount) account = factures_mail_account_new ();
  g_autoptr(GBytes) message = g_bytes_new_static ("Subject: x\r\n\r\n\x01\xff\r\n", 17);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autoptr(FacturesMailAccount) back = NULL;
  g_autoptr(FacturesOutboxItem) item = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.json", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64 id;

  account->sender_address = g_strdup ("camille@example.org");
  account->server = g_strdup ("smtp.example.org");
  account->user = g_strdup ("camille");
  g_assert_true (factures_store_save_mail_account (f->store, account, &error));
  g_assert_true (factures_store_save_mail_template (f->store, "mail-quote", "Devis {number}", "Corps", &error));
  id = factures_store_outbox_add (f->store, f->issued_id, "+3:email", 0, "a@b.fr", "S", "m@x", message, &error);
  g_assert_true (factures_store_outbox_begin_send (f->store, id, &error));
  g_assert_true (factures_store_outbox_mark_sent (f->store, id, "250 ok", &error));

  g_assert_true (factures_store_export_json (f->store, first, &error));
  g_assert_no_error (error);
  copy = factures_store_open (copy_path, &error);
  g_assert_true (factures_store_import_json (copy, first, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (copy, second, &error));
  a = read_text (first);
  b = read_text (second);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"mail_account\""));
  g_assert_null (strstr (a, "password"));

  back = factures_store_get_mail_account (copy, &error);
  g_assert_cmpstr (back->user, ==, "camille");
  item = factures_store_outbox_get (copy, id, &error);
  g_assert_cmpint (item->state, ==, FACTURES_OUTBOX_SENT);
  g_assert_true (g_bytes_equal (item->message, message));
}

/* Issue 13 item 5: a client in French and English gets the French then the English template in
 * one message; the English versions are editable like the French ones; a French client's
 * message is unchanged. */
static void
test_bilingual (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesClient) client = store_test_client ("London Books Ltd");
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesMailDraft) french = NULL;
  g_autoptr(FacturesMailDraft) both = NULL;
  g_autoptr(FacturesMailDraft) edited = NULL;
  const char *en;

  g_autoptr(FacturesProfile) profile = factures_store_get_profile (f->store, &error);

  /* sixth trial, finding 8: the bank details too are in English in the English part */
  g_free (profile->iban);
  profile->iban = g_strdup ("FR7630006000011234567890189");
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_no_error (error);
  client->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  draft = store_test_draft (client->id, "2026-03-04", 1);
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  french = factures_mail_prepare (f->store, f->issued_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (french->subject, ==, "Facture F2026-0001 — 100,00\u00a0€");
  g_assert_null (strstr (french->body, "English"));

  both = factures_mail_prepare (f->store, issued->id, NULL, &error);
  g_assert_no_error (error);
  /* the English part writes the amount the English way */
  g_assert_cmpstr (both->subject, ==, "Facture F2026-0002 — 100,00\u00a0€ / Invoice F2026-0002 — €100.00");
  g_assert_true (g_str_has_prefix (both->body, "Bonjour London Books Ltd,"));
  en = strstr (both->body, "\n\n— English version —\n\nDear London Books Ltd,");
  g_assert_nonnull (en);
  g_assert_nonnull (strstr (en, "Please find attached invoice F2026-0002"));
  /* sixth trial, finding 8: no French left after the line, dates written unambiguously */
  g_assert_nonnull (strstr (en, "invoice F2026-0002 of 4 March 2026,"));
  g_assert_nonnull (strstr (en, "Payment by bank transfer:\nIBAN: FR76 3000 6000 0112 3456 7890 189"));
  g_assert_null (strstr (en, "Règlement"));
  g_assert_null (strstr (en, "/2026"));
  g_assert_nonnull (strstr (both->body, "Règlement par virement :\nIBAN : FR76"));

  /* the English version edited in the preferences is the one used */
  g_assert_true (factures_store_save_mail_template (f->store, "mail-invoice" FACTURES_MAIL_ENGLISH_SUFFIX,
                                                    "Your invoice {number}", "Hello {client}", &error));
  g_assert_no_error (error);
  edited = factures_mail_prepare (f->store, issued->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (edited->subject, " / Your invoice F2026-0002"));
  g_assert_true (g_str_has_suffix (edited->body, "— English version —\n\nHello London Books Ltd"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/mail/store/account", Fixture, NULL, fixture_set_up, test_account, fixture_tear_down);
  g_test_add_func ("/mail/store/presets", test_presets);
  g_test_add ("/mail/store/outbox", Fixture, NULL, fixture_set_up, test_outbox, fixture_tear_down);
  g_test_add ("/mail/store/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/mail/store/dunning-step", Fixture, NULL, fixture_set_up, test_dunning_step, fixture_tear_down);
  g_test_add ("/mail/store/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/mail/store/bilingual", Fixture, NULL, fixture_set_up, test_bilingual, fixture_tear_down);
  return g_test_run ();
}
