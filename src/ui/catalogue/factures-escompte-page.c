/* factures-escompte-page.c — Preferences → Escompte: the discount for early payment
 *
 * Named for what it holds (issue 11 item 6: it was "Discounts", while line and
 * total discounts are entered in the invoice). Applied on change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-escompte-page.h"
#include "factures-form.h"
#include "factures-form-row.h"

struct _FacturesEscomptePage
{
  AdwPreferencesPage  parent_instance;

  FacturesFormRow    *rate_form_row;
  FacturesFormRow    *days_form_row;
  GtkWidget          *rate_row;
  GtkWidget          *days_row;
  GtkWidget          *status;

  FacturesStore      *store;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (FacturesEscomptePage, factures_escompte_page, ADW_TYPE_PREFERENCES_PAGE)

/* The rate in basis points, 0 for none; FALSE with @message when invalid. */
static gboolean
parse_rate (const char *text,
            gint       *rate,
            char      **message)
{
  g_autoptr (GError) error = NULL;

  *rate = 0;
  if (*text == '\0')
    return TRUE;
  if (!factures_rate_parse (text, _("Escompte rate"), rate, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
check_rate (const char *text,
            gpointer    user_data)
{
  char *message = NULL;
  gint rate;

  parse_rate (text, &rate, &message);
  return message;
}

static char *
check_days (const char *text,
            gpointer    user_data)
{
  FacturesEscomptePage *self = user_data;
  g_autofree char *rate_text = factures_editable_get_trimmed (self->rate_row);
  g_autofree char *ignored = NULL;
  guint64 days = 0;
  gint rate = 0;

  /* Without a rate, no period is needed. */
  if (!parse_rate (rate_text, &rate, &ignored) || rate == 0)
    return NULL;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 365, &days, NULL))
    return g_strdup (_("Escompte period: enter a number of days from 1 to 365."));
  return NULL;
}

static void
show_stored (FacturesEscomptePage *self,
             const FacturesProfile *profile)
{
  g_autofree char *message = NULL;

  if (profile == NULL)
    message = g_strdup (_("Save your business profile first."));
  else if (profile->escompte_rate_bp > 0)
    {
      g_autofree char *rate_shown = factures_rate_format (profile->escompte_rate_bp);
      /* Translators: what invoices print */
      message = g_strdup_printf (_("Invoices print: “Escompte pour paiement anticipé : %s si paiement "
                                   "sous %u jours”."), rate_shown, profile->escompte_days);
    }
  else
    message = g_strdup (_("Invoices print: “Pas d’escompte pour paiement anticipé”."));
  gtk_label_set_text (GTK_LABEL (self->status), message);
}

/* Saves the pair when both fields are valid; otherwise the stored terms stay. */
static void
apply (FacturesEscomptePage *self)
{
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *ignored = NULL;
  gint rate = 0;
  guint64 days = 0;

  if (self->loading ||
      !factures_form_row_is_valid (self->rate_form_row) ||
      !factures_form_row_is_valid (self->days_form_row))
    return;

  profile = factures_store_get_profile (self->store, &error);
  if (profile == NULL)
    {
      factures_form_row_set_message (self->rate_form_row,
                                     error != NULL ? error->message : _("Save your business profile first."));
      return;
    }
  rate_text = factures_editable_get_trimmed (self->rate_row);
  days_text = factures_editable_get_trimmed (self->days_row);
  parse_rate (rate_text, &rate, &ignored);
  if (rate > 0)
    g_ascii_string_to_unsigned (days_text, 10, 1, 365, &days, NULL);
  if (profile->escompte_rate_bp == rate && profile->escompte_days == (rate > 0 ? (guint) days : 0))
    return;
  profile->escompte_rate_bp = rate;
  profile->escompte_days = rate > 0 ? (guint) days : 0;
  if (!factures_store_save_profile (self->store, profile, &error))
    {
      factures_form_row_set_message (self->rate_form_row, error->message);
      return;
    }
  show_stored (self, profile);
}

static void
rate_validated_cb (FacturesEscomptePage *self,
                   gboolean              valid)
{
  g_autofree char *days_text = NULL;

  if (!valid || self->loading)
    return;
  /* A rate needs its period: say so under it at once when it is missing. */
  days_text = factures_editable_get_trimmed (self->days_row);
  if (*days_text == '\0' || factures_form_row_get_message (self->days_form_row) != NULL)
    factures_form_row_validate (self->days_form_row);
  apply (self);
}

static void
days_validated_cb (FacturesEscomptePage *self,
                   gboolean              valid)
{
  if (valid)
    apply (self);
}

gboolean
factures_escompte_page_flush (FacturesEscomptePage *self)
{
  gboolean valid;

  g_return_val_if_fail (FACTURES_IS_ESCOMPTE_PAGE (self), TRUE);

  self->loading = TRUE;
  valid = factures_form_row_validate (self->rate_form_row);
  valid = factures_form_row_validate (self->days_form_row) && valid;
  self->loading = FALSE;
  apply (self);
  return valid;
}

static void
factures_escompte_page_dispose (GObject *object)
{
  FacturesEscomptePage *self = FACTURES_ESCOMPTE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_ESCOMPTE_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_escompte_page_parent_class)->dispose (object);
}

static void
factures_escompte_page_class_init (FacturesEscomptePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_escompte_page_dispose;

  g_type_ensure (FACTURES_TYPE_FORM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/catalogue/factures-escompte-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEscomptePage, rate_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEscomptePage, days_form_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEscomptePage, rate_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEscomptePage, days_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEscomptePage, status);
  gtk_widget_class_bind_template_callback (widget_class, rate_validated_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_validated_cb);
}

static void
factures_escompte_page_init (FacturesEscomptePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  factures_entry_row_name_once (self->rate_row);
  factures_entry_row_name_once (self->days_row);
  factures_form_row_set_check (self->rate_form_row, check_rate, self, NULL);
  factures_form_row_set_check (self->days_form_row, check_days, self, NULL);
}

GtkWidget *
factures_escompte_page_new (FacturesStore *store)
{
  g_autoptr (FacturesProfile) profile = NULL;
  FacturesEscomptePage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_ESCOMPTE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->loading = TRUE;
  profile = factures_store_get_profile (store, NULL);
  if (profile != NULL && profile->escompte_rate_bp > 0)
    {
      g_autofree char *rate = factures_rate_format (profile->escompte_rate_bp);
      g_autofree char *days = g_strdup_printf ("%u", profile->escompte_days);
      char *percent = g_strrstr (rate, "\xc2\xa0%");

      /* The editable form: "2,5" without " %". */
      if (percent != NULL)
        *percent = '\0';
      gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
      gtk_editable_set_text (GTK_EDITABLE (self->days_row), days);
    }
  show_stored (self, profile);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
