/* factures-client-editor.c — the window that creates or edits a client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-checks.h"
#include "factures-country-row.h"
#include "factures-confirm-dialog.h"
#include "factures-client-editor.h"
#include "factures-client-einvoicing-group.h"
#include "factures-client-history-group.h"
#include "factures-identifiers-eu.h"
#include "factures-documents.h"
#include "factures-form.h"
#include "factures-form-row.h"
#include "factures-identifiers.h"
#include "factures-terms.h"

/* Positions in the terms combo row. */
enum { TERMS_POS_DEFAULT, TERMS_POS_ON_RECEIPT, TERMS_POS_DAYS, TERMS_POS_EOM_45 };

struct _FacturesClientEditor
{
  AdwWindow       parent_instance;

  FacturesStore  *store;
  FacturesClient *client;     /* the edited copy; id 0 until first saved */
  GtkWindow      *main_window; /* weak */

  /* Template children */
  GtkWidget      *page;
  GtkWidget      *category_row;
  GtkWidget      *name_row;
  GtkWidget      *address_row;
  GtkWidget      *postal_code_row;
  GtkWidget      *city_row;
  GtkWidget      *country_row;
  GtkWidget      *email_row;
  GtkWidget      *phone_row;
  GtkWidget      *identifiers_group;
  GtkWidget      *siret_row;
  GtkWidget      *vat_form_row;
  GtkWidget      *vat_row;
  GtkWidget      *service_code_form_row;  /* issue 15 */
  GtkWidget      *service_code_row;
  GtkWidget      *service_code_note;      /* finding T11 */
  GtkWidget      *einvoicing_group;
  GtkWidget      *terms_row;
  GtkWidget      *language_row;   /* issue 13 item 5 */
  GtkWidget      *days_row;
  GtkWidget      *notes_row;
  GtkWidget      *error_label;
  GtkWidget      *delete_group;   /* the last group of the page, holding Delete */
};

G_DEFINE_FINAL_TYPE (FacturesClientEditor, factures_client_editor, ADW_TYPE_WINDOW)

/* Open editors by client id (0 is never stored: new clients get their own window). */
static GHashTable *open_editors;

/* ---------------------------------------------------------------- checks -- */

/* Where a company has a SIREN: France and its overseas departments (not Monaco, whose
 * companies are in its own register). */
static gboolean
is_france (FacturesClientEditor *self)
{
  const char *code;

  /* NULL while the template is built or disposed. */
  if (self->country_row == NULL)
    return TRUE;
  code = factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row));
  return factures_vat_client_zone (code) == FACTURES_VAT_CLIENT_FRANCE && g_strcmp0 (code, "MC") != 0;
}

static FacturesClientCategory
get_category (FacturesClientEditor *self)
{
  return (FacturesClientCategory) adw_combo_row_get_selected (ADW_COMBO_ROW (self->category_row));
}

static const char *
get_country (FacturesClientEditor *self)
{
  if (self->country_row == NULL)
    return "FR";
  return factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row));
}

/* A private person has no identifiers to print (LEGAL-2.md §1: B2C). */
static gboolean
is_private_person (FacturesClientEditor *self)
{
  return self->category_row != NULL && get_category (self) == FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
}

/* The prefix of the VAT numbers of @country when it is in the EU VAT area (VIES), or NULL
 * outside (factures_vat_client_zone()): France with its overseas departments and Monaco
 * write "FR" (CGI art. 256-0), Greece "EL". (transfer none: static, or @country) */
static const char *
eu_vat_prefix (const char *country)
{
  switch (factures_vat_client_zone (country))
    {
    case FACTURES_VAT_CLIENT_FRANCE:
      return "FR";
    case FACTURES_VAT_CLIENT_EU:
      return g_strcmp0 (country, "GR") == 0 ? "EL" : country;
    case FACTURES_VAT_CLIENT_NON_EU:
    default:
      return NULL;
    }
}

/* The prefix of the VAT numbers the editor asks for in @country: the EU's
 * (eu_vat_prefix()) and the United Kingdom's "GB", whose numbers the core checks with
 * HMRC's check digits (factures_vat_id_eu_is_valid()) and the PDF prints (finding T10).
 * NULL where the editor shows no VAT number. (transfer none) */
static const char *
vat_prefix (const char *country)
{
  if (g_strcmp0 (country, "GB") == 0)
    return "GB";
  return eu_vat_prefix (country);
}

/* The VAT number of a client in the EU, with its country's prefix added when only the
 * digits were typed ("123456789" for a German client: "DE123456789"). (transfer full) */
static char *
vat_with_prefix (const char *text,
                 const char *country)
{
  g_autofree char *compact = factures_vat_id_eu_compact (text);
  const char *prefix = vat_prefix (country);

  if (prefix != NULL && *compact != '\0' && g_ascii_isdigit (compact[0]))
    return g_strconcat (prefix, compact, NULL);
  return g_strdup (text);
}

static char *
check_name (const char *text,
            gpointer    user_data)
{
  if (*text == '\0')
    return g_strdup (_("Name: required."));
  return factures_check_text (text, _("Name"), 200, TRUE);
}

static char *
check_address (const char *text,
               gpointer    user_data)
{
  return factures_check_text (text, _("Address"), 300, FALSE);
}

static char *
check_postal_code (const char *text,
                   gpointer    user_data)
{
  FacturesClientEditor *self = user_data;

  if (!is_france (self))
    return factures_check_text (text, _("Postal code"), 16, FALSE);
  return factures_check_postal_code (text, FALSE);
}

static char *
check_city (const char *text,
            gpointer    user_data)
{
  return factures_check_text (text, _("City"), 100, FALSE);
}

static char *
check_email (const char *text,
             gpointer    user_data)
{
  return factures_check_email (text);
}

static char *
check_phone (const char *text,
             gpointer    user_data)
{
  return factures_check_phone (text);
}

static char *
check_siret (const char *text,
             gpointer    user_data)
{
  FacturesClientEditor *self = user_data;

  if (is_private_person (self))
    return NULL;
  if (!is_france (self))
    return factures_check_text (text, _("Legal identifier"), 30, FALSE);
  return factures_check_siren_or_siret (text, FALSE, NULL, NULL);
}

static char *
check_vat (const char *text,
           gpointer    user_data)
{
  FacturesClientEditor *self = user_data;

  g_autofree char *out = NULL;
  g_autofree char *typed = NULL;
  GError *error = NULL;

  /* Shown only for a business in the EU or the United Kingdom (update_identifiers()). */
  if (*text == '\0' || is_private_person (self) || vat_prefix (get_country (self)) == NULL)
    return NULL;
  /* Checked for the format of its country (factures-identifiers-eu.h), the key of a
   * French one too. */
  typed = vat_with_prefix (text, get_country (self));
  if (!factures_vat_id_check (typed, &out, &error))
    {
      char *message = g_strdup (error->message);
      g_error_free (error);
      return message;
    }
  return NULL;
}

static char *
check_days (const char *text,
            gpointer    user_data)
{
  FacturesClientEditor *self = user_data;

  if (self->terms_row == NULL || self->category_row == NULL ||
      adw_combo_row_get_selected (ADW_COMBO_ROW (self->terms_row)) != TERMS_POS_DAYS)
    return NULL;
  return factures_check_days (text, get_category (self), NULL);
}

static char *
check_notes (const char *text,
             gpointer    user_data)
{
  return factures_check_text (text, _("Notes"), 2000, FALSE);
}

/* Issue 15: an administration's service code (BT-10), as the store cleans it. */
static char *
check_service_code (const char *text,
                    gpointer    user_data)
{
  return factures_check_text (text, _("Service code"), 100, FALSE);
}

static gboolean
validate_row (FacturesClientEditor *self,
              GtkWidget            *row)
{
  FacturesFormRow *form_row = factures_form_row_find (row);

  return form_row == NULL || factures_form_row_validate (form_row);
}

static gboolean
row_in_error (GtkWidget *row)
{
  FacturesFormRow *form_row = factures_form_row_find (row);

  return form_row != NULL && factures_form_row_get_message (form_row) != NULL;
}

static void
terms_or_category_changed_cb (FacturesClientEditor *self)
{
  gboolean days;

  if (self->terms_row == NULL || self->days_row == NULL)
    return;
  days = adw_combo_row_get_selected (ADW_COMBO_ROW (self->terms_row)) == TERMS_POS_DAYS;

  gtk_widget_set_sensitive (self->days_row, days);
  validate_row (self, self->days_row);
}

/* Finding T11: an administration without service code (BT-10) is told, not refused: not
 * every administration has one, but Chorus Pro refuses the invoice of one that requires it. */
static void
service_code_changed_cb (FacturesClientEditor *self)
{
  g_autofree char *code = NULL;

  if (self->service_code_note == NULL || self->service_code_row == NULL || self->category_row == NULL)
    return;
  code = factures_editable_get_trimmed (self->service_code_row);
  gtk_widget_set_visible (self->service_code_note,
                          is_france (self) && get_category (self) == FACTURES_CLIENT_CATEGORY_PUBLIC &&
                          *code == '\0');
}

/* The identifiers that matter for this client: none for a private person; SIREN and
 * VAT number in France; abroad, the VAT number in the EU (reverse charge needs it) and
 * the legal identifier of its country. */
static void
update_identifiers (FacturesClientEditor *self)
{
  gboolean france = is_france (self);
  gboolean eu = eu_vat_prefix (get_country (self)) != NULL;
  gboolean has_vat = vat_prefix (get_country (self)) != NULL;
  const char *title;

  if (self->identifiers_group == NULL || self->siret_row == NULL || self->vat_form_row == NULL)
    return;

  gtk_widget_set_visible (self->identifiers_group, !is_private_person (self));
  gtk_widget_set_visible (self->vat_form_row, has_vat);
  /* Issue 15: the service code for an administration; the directory for a business in France. */
  if (self->service_code_form_row != NULL && self->einvoicing_group != NULL)
    {
      gtk_widget_set_visible (self->service_code_form_row,
                              france && get_category (self) == FACTURES_CLIENT_CATEGORY_PUBLIC);
      gtk_widget_set_visible (self->einvoicing_group, france && !is_private_person (self));
    }
  service_code_changed_cb (self);
  title = france ? _("SIREN or SIRET") : _("Legal identifier");
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->siret_row)), title) != 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->siret_row), title);
      factures_entry_row_name_once (self->siret_row);
    }
  if (factures_vat_client_zone (get_country (self)) == FACTURES_VAT_CLIENT_FRANCE)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->identifiers_group), NULL);
  else if (eu)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->identifiers_group),
                                           _("A business in the EU gives its VAT number: services are then "
                                             "invoiced without French VAT (reverse charge) and both numbers "
                                             "are printed."));
  else if (has_vat)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->identifiers_group),
                                           _("A business in the United Kingdom may give its VAT number "
                                             "(GB…, checked with its check digits): it is printed on the "
                                             "invoice. Give also the identifier of its company register."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->identifiers_group),
                                           _("Outside the EU, the invoice carries no VAT number of the client: "
                                             "give the identifier of its company register (or tax number)."));
}

static void
siret_changed_cb (FacturesClientEditor *self)
{
  g_autofree char *text = NULL;

  if (self->siret_row == NULL || self->einvoicing_group == NULL)
    return;
  text = factures_editable_get_trimmed (self->siret_row);
  factures_client_einvoicing_group_set_identifier (FACTURES_CLIENT_EINVOICING_GROUP (self->einvoicing_group),
                                                   is_france (self) ? text : NULL);
}

static void
category_changed_cb (FacturesClientEditor *self)
{
  update_identifiers (self);
}

static void
country_changed_cb (FacturesClientEditor *self)
{
  if (self->postal_code_row == NULL || self->siret_row == NULL || self->vat_row == NULL)
    return;
  update_identifiers (self);
  /* The French checks depend on the country: re-check the rows already in error. */
  GtkWidget *rows[] = { self->postal_code_row, self->siret_row, self->vat_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (row_in_error (rows[i]))
      validate_row (self, rows[i]);
}

/* ------------------------------------------------------------ load, save -- */

static void
load_client (FacturesClientEditor *self)
{
  FacturesClient *client = self->client;
  guint terms_pos = TERMS_POS_DEFAULT;

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category_row), client->category);
  factures_editable_set_text_or_empty (self->name_row, client->party.name);
  factures_editable_set_text_or_empty (self->address_row, client->party.address);
  factures_editable_set_text_or_empty (self->postal_code_row, client->party.postal_code);
  factures_editable_set_text_or_empty (self->city_row, client->party.city);
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (self->country_row), client->party.country_code);
  factures_editable_set_text_or_empty (self->email_row, client->party.email);
  factures_editable_set_text_or_empty (self->phone_row, client->party.phone);
  {
    /* Stored compact, shown grouped (issue 3 item 7). */
    /* Abroad, the legal identifier of the client's country (issue 13). */
    g_autofree char *siret = client->legal_id != NULL && *client->legal_id != '\0'
                             ? g_strdup (client->legal_id)
                             : factures_identifier_display (client->party.siret != NULL && *client->party.siret
                                                            ? client->party.siret : client->party.siren);
    g_autofree char *vat = factures_identifier_display (client->party.vat_id);

    factures_editable_set_text_or_empty (self->siret_row, siret);
    factures_editable_set_text_or_empty (self->vat_row, vat);
  }
  factures_editable_set_text_or_empty (self->notes_row, client->notes);
  factures_editable_set_text_or_empty (self->service_code_row, client->service_code);
  factures_client_einvoicing_group_set_store (FACTURES_CLIENT_EINVOICING_GROUP (self->einvoicing_group), self->store);
  siret_changed_cb (self);

  if (client->has_terms)
    {
      switch (client->terms.kind)
        {
        case FACTURES_TERMS_DAYS:
          terms_pos = TERMS_POS_DAYS;
          break;
        case FACTURES_TERMS_END_OF_MONTH_45:
          terms_pos = TERMS_POS_EOM_45;
          break;
        case FACTURES_TERMS_ON_RECEIPT:
        default:
          terms_pos = TERMS_POS_ON_RECEIPT;
          break;
        }
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->terms_row), terms_pos);
  /* the positions of the list are the values of FacturesDocumentLanguage */
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->language_row), client->document_language);
  if (client->has_terms && client->terms.kind == FACTURES_TERMS_DAYS)
    {
      g_autofree char *days = g_strdup_printf ("%u", client->terms.days);
      gtk_editable_set_text (GTK_EDITABLE (self->days_row), days);
    }
  terms_or_category_changed_cb (self);
  update_identifiers (self);

  gtk_widget_set_visible (self->delete_group, client->id != 0);
  if (client->id != 0 && client->party.name != NULL)
    gtk_window_set_title (GTK_WINDOW (self), client->party.name);
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New Client"));
}

static char *
clean_or_null (GtkWidget *row,
               gsize      max_chars)
{
  g_autofree char *text = factures_editable_get_trimmed (row);

  if (*text == '\0')
    return NULL;
  return factures_text_clean (text, "", max_chars, FALSE, NULL);
}

static void
fill_client (FacturesClientEditor *self,
             FacturesClient       *client)
{
  g_autofree char *siret = factures_editable_get_trimmed (self->siret_row);
  g_autofree char *vat = factures_editable_get_trimmed (self->vat_row);
  gboolean france = is_france (self);
  const FacturesClient *stored = self->client;
  /* The hidden rows' values stay when the choices that hide them are those stored. */
  gboolean unchanged = stored != NULL && stored->id != 0 && stored->category == get_category (self) &&
                       g_strcmp0 (stored->party.country_code, get_country (self)) == 0;

  client->category = get_category (self);
  factures_party_clear (&client->party);
  g_clear_pointer (&client->legal_id, g_free);
  client->party.name = clean_or_null (self->name_row, 200);
  client->party.address = clean_or_null (self->address_row, 300);
  client->party.postal_code = clean_or_null (self->postal_code_row, 16);
  client->party.city = clean_or_null (self->city_row, 100);
  client->party.country_code = g_strdup (factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row)));
  client->party.email = clean_or_null (self->email_row, 254);
  client->party.phone = clean_or_null (self->phone_row, 30);
  if (is_private_person (self))
    {
      /* A private person has no identifiers (the rows are hidden); those stored stay
       * when the user changed neither the category nor the country (never clear a
       * field the user did not touch). */
      if (unchanged)
        {
          client->party.siren = g_strdup (stored->party.siren);
          client->party.siret = g_strdup (stored->party.siret);
          client->legal_id = g_strdup (stored->legal_id);
        }
    }
  else if (france)
    g_free (factures_check_siren_or_siret (siret, FALSE, &client->party.siren, &client->party.siret));
  else
    client->legal_id = clean_or_null (self->siret_row, 30);
  if (!is_private_person (self) && vat_prefix (client->party.country_code) != NULL)
    {
      if (*vat != '\0')
        {
          g_autofree char *typed = vat_with_prefix (vat, client->party.country_code);

          factures_vat_id_check (typed, &client->party.vat_id, NULL);
        }
    }
  else if (unchanged)
    /* Finding T10: a VAT number the editor does not show is kept as stored. */
    client->party.vat_id = g_strdup (stored->party.vat_id);

  g_clear_pointer (&client->notes, g_free);
  client->notes = clean_or_null (self->notes_row, 2000);
  g_clear_pointer (&client->service_code, g_free);
  if (france && client->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    client->service_code = clean_or_null (self->service_code_row, 100);
  else if (unchanged)
    client->service_code = g_strdup (stored->service_code);
  client->document_language = (FacturesDocumentLanguage) adw_combo_row_get_selected (ADW_COMBO_ROW (self->language_row));

  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (self->terms_row)))
    {
    case TERMS_POS_ON_RECEIPT:
      client->has_terms = TRUE;
      client->terms.kind = FACTURES_TERMS_ON_RECEIPT;
      client->terms.days = 0;
      break;
    case TERMS_POS_DAYS:
      {
        g_autofree char *days = factures_editable_get_trimmed (self->days_row);
        client->has_terms = TRUE;
        client->terms.kind = FACTURES_TERMS_DAYS;
        g_free (factures_check_days (days, client->category, &client->terms.days));
      }
      break;
    case TERMS_POS_EOM_45:
      client->has_terms = TRUE;
      client->terms.kind = FACTURES_TERMS_END_OF_MONTH_45;
      client->terms.days = 0;
      break;
    case TERMS_POS_DEFAULT:
    default:
      client->has_terms = FALSE;
      client->terms.kind = FACTURES_TERMS_ON_RECEIPT;
      client->terms.days = 0;
      break;
    }
}

static void
show_error (FacturesClientEditor *self,
            const char           *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
}

/* Validates and saves; FALSE with the messages shown when invalid or refused. */
static gboolean
save (FacturesClientEditor *self)
{
  GtkWidget *rows[] = {
    self->name_row, self->address_row, self->postal_code_row, self->city_row,
    self->email_row, self->phone_row, self->siret_row, self->vat_row,
    self->days_row, self->notes_row, self->service_code_row,
  };
  g_autoptr (FacturesClient) client = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *first;
  gint64 old_id = self->client->id;

  gtk_widget_set_visible (self->error_label, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    validate_row (self, rows[i]);

  first = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rows) && first == NULL; i++)
    if (row_in_error (rows[i]))
      first = rows[i];
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      return FALSE;
    }

  client = factures_client_copy (self->client);
  fill_client (self, client);
  if (!factures_store_save_client (self->store, client, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  factures_client_free (self->client);
  self->client = g_steal_pointer (&client);
  if (old_id == 0 && self->client->id != 0)
    g_hash_table_insert (open_editors, g_memdup2 (&self->client->id, sizeof (gint64)), self);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesClientEditor *self = FACTURES_CLIENT_EDITOR (widget);

  if (save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    FacturesClientEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->client == NULL || self->client->id == 0)
    return;
  if (!factures_store_delete_client (self->store, self->client->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesClientEditor *self = FACTURES_CLIENT_EDITOR (widget);
  GtkWidget *dialog;

  dialog = factures_confirm_dialog_new (GTK_WINDOW (self), _("Delete this client?"),
                                        _("A client with issued documents cannot be deleted: "
                                          "the invoices must stay as they were issued."),
                                        "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_invoice_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesClientEditor *self = FACTURES_CLIENT_EDITOR (widget);
  g_autoptr (FacturesStore) store = NULL;
  GtkWindow *parent;
  gint64 id;

  if (!save (self))
    return;

  store = g_object_ref (self->store);
  parent = self->main_window != NULL ? self->main_window : GTK_WINDOW (self);
  id = self->client->id;
  g_object_ref (parent);
  gtk_window_destroy (GTK_WINDOW (self));
  factures_editor_window_open (parent, store, 0, id);
  g_object_unref (parent);
}

/* -------------------------------------------------------------- GObject -- */

static void
factures_client_editor_dispose (GObject *object)
{
  FacturesClientEditor *self = FACTURES_CLIENT_EDITOR (object);

  if (self->client != NULL && self->client->id != 0 && open_editors != NULL &&
      g_hash_table_lookup (open_editors, &self->client->id) == self)
    g_hash_table_remove (open_editors, &self->client->id);

  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->client, factures_client_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CLIENT_EDITOR);

  G_OBJECT_CLASS (factures_client_editor_parent_class)->dispose (object);
}

static void
factures_client_editor_class_init (FacturesClientEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_client_editor_dispose;

  g_type_ensure (FACTURES_TYPE_COUNTRY_ROW);
  g_type_ensure (FACTURES_TYPE_FORM_ROW);
  g_type_ensure (FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-client-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, page);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, identifiers_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, siret_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, vat_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, vat_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, service_code_note);
  gtk_widget_class_bind_template_callback (widget_class, service_code_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, service_code_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, service_code_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, einvoicing_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, terms_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, terms_or_category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, siret_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.new-invoice", NULL, new_invoice_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void setup_checks (FacturesClientEditor *self);

static void
factures_client_editor_init (FacturesClientEditor *self)
{
  const char *categories[] = {
    factures_client_category_label (FACTURES_CLIENT_CATEGORY_INDIVIDUAL),
    factures_client_category_label (FACTURES_CLIENT_CATEGORY_COMPANY),
    factures_client_category_label (FACTURES_CLIENT_CATEGORY_ASSOCIATION),
    factures_client_category_label (FACTURES_CLIENT_CATEGORY_PUBLIC),
    NULL
  };
  g_autoptr (GtkStringList) category_list = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set from the core's labels, which the documents print too. */
  category_list = gtk_string_list_new (categories);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->category_row), G_LIST_MODEL (category_list));
  setup_checks (self);
  gtk_editable_set_text (GTK_EDITABLE (self->days_row), "30");
}

/* Each field is checked by the FacturesFormRow around it, which shows its message. */
static void
setup_checks (FacturesClientEditor *self)
{
  const struct
  {
    GtkWidget           *row;
    FacturesFormRowCheck check;
  } checks[] = {
    { self->name_row, check_name },
    { self->address_row, check_address },
    { self->postal_code_row, check_postal_code },
    { self->city_row, check_city },
    { self->email_row, check_email },
    { self->phone_row, check_phone },
    { self->siret_row, check_siret },
    { self->vat_row, check_vat },
    { self->days_row, check_days },
    { self->notes_row, check_notes },
    { self->service_code_row, check_service_code },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      factures_entry_row_name_once (checks[i].row);
      factures_form_row_set_check (factures_form_row_find (checks[i].row), checks[i].check, self, NULL);
    }
}

FacturesClientEditor *
factures_client_editor_open (GtkWindow     *parent,
                             FacturesStore *store,
                             gint64         client_id)
{
  FacturesClientEditor *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  if (open_editors == NULL)
    open_editors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (client_id != 0)
    {
      self = g_hash_table_lookup (open_editors, &client_id);
      if (self != NULL)
        {
          gtk_window_present (GTK_WINDOW (self));
          return self;
        }
    }

  self = g_object_new (FACTURES_TYPE_CLIENT_EDITOR, NULL);
  self->store = g_object_ref (store);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      g_set_weak_pointer (&self->main_window, parent);
    }

  if (client_id != 0)
    self->client = factures_store_get_client (store, client_id, &error);
  if (self->client == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      self->client = factures_client_new ();
      self->client->id = 0;
    }
  else
    {
      g_hash_table_insert (open_editors, g_memdup2 (&client_id, sizeof (gint64)), self);
      /* Issue 3 item 10: documents, what is owed and late, payment delay and risk. */
      {
        GtkWidget *history = factures_client_history_group_new (store, client_id);
        GtkWidget *box;

        adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (history));
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (
          factures_client_history_group_get_documents_group (FACTURES_CLIENT_HISTORY_GROUP (history))));
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (
          factures_client_history_group_get_imported_group (FACTURES_CLIENT_HISTORY_GROUP (history))));
        /* The history first: it is what the page is opened for before an order. */
        box = gtk_widget_get_parent (history);
        if (GTK_IS_BOX (box))
          gtk_box_reorder_child_after (GTK_BOX (box), history, NULL);
      }
      /* …whose groups come after the form: Delete stays last. */
      {
        GtkWidget *box = gtk_widget_get_parent (self->delete_group);

        if (GTK_IS_BOX (box))
          gtk_box_reorder_child_after (GTK_BOX (box), self->delete_group, gtk_widget_get_last_child (box));
      }
    }

  load_client (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
