/* factures-rows.c — read-only row objects handed to list views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-rows.h"

/* ---- FacturesClientRow ---- */

struct _FacturesClientRow
{
  GObject parent_instance;

  gint64  id;
  char   *name;
  char   *city;
  char   *email;
  char   *siren;
  gint    category;
  gint64  outstanding;
  char   *outstanding_by_currency;   /* finding T5 */
};

G_DEFINE_FINAL_TYPE (FacturesClientRow, factures_client_row, G_TYPE_OBJECT)

enum {
  CLIENT_PROP_0,
  CLIENT_PROP_ID,
  CLIENT_PROP_NAME,
  CLIENT_PROP_CITY,
  CLIENT_PROP_EMAIL,
  CLIENT_PROP_SIREN,
  CLIENT_PROP_CATEGORY,
  CLIENT_PROP_OUTSTANDING,
  N_CLIENT_PROPS
};

static GParamSpec *client_properties[N_CLIENT_PROPS];

static void
factures_client_row_finalize (GObject *object)
{
  FacturesClientRow *self = FACTURES_CLIENT_ROW (object);

  g_free (self->name);
  g_free (self->city);
  g_free (self->email);
  g_free (self->siren);
  g_free (self->outstanding_by_currency);

  G_OBJECT_CLASS (factures_client_row_parent_class)->finalize (object);
}

static void
factures_client_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FacturesClientRow *self = FACTURES_CLIENT_ROW (object);

  switch (prop_id)
    {
    case CLIENT_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case CLIENT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case CLIENT_PROP_CITY:
      g_value_set_string (value, self->city);
      break;
    case CLIENT_PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case CLIENT_PROP_SIREN:
      g_value_set_string (value, self->siren);
      break;
    case CLIENT_PROP_CATEGORY:
      g_value_set_int (value, self->category);
      break;
    case CLIENT_PROP_OUTSTANDING:
      g_value_set_int64 (value, self->outstanding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_client_row_class_init (FacturesClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = factures_client_row_finalize;
  object_class->get_property = factures_client_row_get_property;

  client_properties[CLIENT_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  client_properties[CLIENT_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  client_properties[CLIENT_PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, flags);
  client_properties[CLIENT_PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);
  client_properties[CLIENT_PROP_SIREN] =
    g_param_spec_string ("siren", NULL, NULL, NULL, flags);
  client_properties[CLIENT_PROP_CATEGORY] =
    g_param_spec_int ("category", NULL, NULL, 0, G_MAXINT, 0, flags);
  client_properties[CLIENT_PROP_OUTSTANDING] =
    g_param_spec_int64 ("outstanding", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_CLIENT_PROPS, client_properties);
}

static void
factures_client_row_init (FacturesClientRow *self)
{
}

/**
 * factures_client_row_new:
 *
 * Returns: (transfer full): a row holding copies of the given values.
 */
FacturesClientRow *
factures_client_row_new (gint64      id,
                         const char *name,
                         const char *city,
                         const char *email,
                         const char *siren,
                         gint        category,
                         gint64      outstanding)
{
  FacturesClientRow *self = g_object_new (FACTURES_TYPE_CLIENT_ROW, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->city = g_strdup (city);
  self->email = g_strdup (email);
  self->siren = g_strdup (siren);
  self->category = category;
  self->outstanding = outstanding;

  return self;
}

gint64
factures_client_row_get_id (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), 0);
  return self->id;
}

const char *
factures_client_row_get_name (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), NULL);
  return self->name;
}

const char *
factures_client_row_get_city (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), NULL);
  return self->city;
}

const char *
factures_client_row_get_email (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), NULL);
  return self->email;
}

const char *
factures_client_row_get_siren (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), NULL);
  return self->siren;
}

gint
factures_client_row_get_category (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), 0);
  return self->category;
}

gint64
factures_client_row_get_outstanding (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), 0);
  return self->outstanding;
}

/**
 * factures_client_row_get_outstanding_by_currency:
 *
 * What the client owes per currency of its invoices (finding T5: a GBP balance is not
 * euros): "EUR:10000;GBP:50000" (ISO 4217 code, ':' then cents of that currency; codes
 * sorted, ';' between, zero sums left out), NULL when the list did not read it.
 *
 * Returns: (transfer none) (nullable): the sums
 */
const char *
factures_client_row_get_outstanding_by_currency (FacturesClientRow *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_ROW (self), NULL);
  return self->outstanding_by_currency;
}

/**
 * factures_client_row_set_outstanding_by_currency:
 * @sums: (nullable): as factures_client_row_get_outstanding_by_currency() returns them
 *
 * Used by the store's clients list (and tests); @sums is copied.
 */
void
factures_client_row_set_outstanding_by_currency (FacturesClientRow *self,
                                                 const char        *sums)
{
  g_return_if_fail (FACTURES_IS_CLIENT_ROW (self));
  g_free (self->outstanding_by_currency);
  self->outstanding_by_currency = g_strdup (sums);
}

/* ---- FacturesDocumentRow ---- */

struct _FacturesDocumentRow
{
  GObject parent_instance;

  gint64  id;
  gint    kind;
  gint    status;
  char   *number;
  char   *client_name;
  char   *issue_date;
  char   *due_date;
  gint64  total;
  gint64  balance;
  gint    days_late;
  gint    quote_status;
  char   *currency;   /* issue 13 item 4: NULL for euros */
};

G_DEFINE_FINAL_TYPE (FacturesDocumentRow, factures_document_row, G_TYPE_OBJECT)

enum {
  DOC_PROP_0,
  DOC_PROP_ID,
  DOC_PROP_KIND,
  DOC_PROP_STATUS,
  DOC_PROP_NUMBER,
  DOC_PROP_CLIENT_NAME,
  DOC_PROP_ISSUE_DATE,
  DOC_PROP_DUE_DATE,
  DOC_PROP_TOTAL,
  DOC_PROP_BALANCE,
  DOC_PROP_DAYS_LATE,
  DOC_PROP_QUOTE_STATUS,
  N_DOC_PROPS
};

static GParamSpec *document_properties[N_DOC_PROPS];

static void
factures_document_row_finalize (GObject *object)
{
  FacturesDocumentRow *self = FACTURES_DOCUMENT_ROW (object);

  g_free (self->number);
  g_free (self->client_name);
  g_free (self->issue_date);
  g_free (self->due_date);
  g_free (self->currency);

  G_OBJECT_CLASS (factures_document_row_parent_class)->finalize (object);
}

static void
factures_document_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FacturesDocumentRow *self = FACTURES_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case DOC_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case DOC_PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case DOC_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case DOC_PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case DOC_PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case DOC_PROP_ISSUE_DATE:
      g_value_set_string (value, self->issue_date);
      break;
    case DOC_PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case DOC_PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case DOC_PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;
    case DOC_PROP_DAYS_LATE:
      g_value_set_int (value, self->days_late);
      break;
    case DOC_PROP_QUOTE_STATUS:
      g_value_set_int (value, self->quote_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_document_row_class_init (FacturesDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = factures_document_row_finalize;
  object_class->get_property = factures_document_row_get_property;

  document_properties[DOC_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  document_properties[DOC_PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0, flags);
  document_properties[DOC_PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, flags);
  document_properties[DOC_PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, flags);
  document_properties[DOC_PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  document_properties[DOC_PROP_ISSUE_DATE] =
    g_param_spec_string ("issue-date", NULL, NULL, NULL, flags);
  document_properties[DOC_PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL, flags);
  document_properties[DOC_PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  document_properties[DOC_PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  document_properties[DOC_PROP_DAYS_LATE] =
    g_param_spec_int ("days-late", NULL, NULL, 0, G_MAXINT, 0, flags);
  document_properties[DOC_PROP_QUOTE_STATUS] =
    g_param_spec_int ("quote-status", NULL, NULL, -1, G_MAXINT, -1, flags);

  g_object_class_install_properties (object_class, N_DOC_PROPS, document_properties);
}

static void
factures_document_row_init (FacturesDocumentRow *self)
{
  self->quote_status = -1;
}

/**
 * factures_document_row_new:
 *
 * Returns: (transfer full): a row holding copies of the given values; dates are ISO text.
 */
FacturesDocumentRow *
factures_document_row_new (gint64      id,
                           gint        kind,
                           gint        status,
                           const char *number,
                           const char *client_name,
                           const char *issue_date,
                           const char *due_date,
                           gint64      total,
                           gint64      balance,
                           gint        days_late)
{
  FacturesDocumentRow *self = g_object_new (FACTURES_TYPE_DOCUMENT_ROW, NULL);

  self->id = id;
  self->kind = kind;
  self->status = status;
  self->number = g_strdup (number);
  self->client_name = g_strdup (client_name);
  self->issue_date = g_strdup (issue_date);
  self->due_date = g_strdup (due_date);
  self->total = total;
  self->balance = balance;
  self->days_late = MAX (days_late, 0);

  return self;
}

gint64
factures_document_row_get_id (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), 0);
  return self->id;
}

gint
factures_document_row_get_kind (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), 0);
  return self->kind;
}

gint
factures_document_row_get_status (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), 0);
  return self->status;
}

const char *
factures_document_row_get_number (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), NULL);
  return self->number;
}

const char *
factures_document_row_get_client_name (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), NULL);
  return self->client_name;
}

const char *
factures_document_row_get_issue_date (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), NULL);
  return self->issue_date;
}

const char *
factures_document_row_get_due_date (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), NULL);
  return self->due_date;
}

gint64
factures_document_row_get_total (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), 0);
  return self->total;
}

gint64
factures_document_row_get_balance (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), 0);
  return self->balance;
}

gint
factures_document_row_get_days_late (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), 0);
  return self->days_late;
}

/**
 * factures_document_row_get_quote_status:
 *
 * Returns: the derived status of a quote (FacturesQuoteStatus), -1 for another kind.
 */
gint
factures_document_row_get_quote_status (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), -1);
  return self->quote_status;
}

/**
 * factures_document_row_set_quote_status:
 * @status: a FacturesQuoteStatus, or -1 when the row is not a quote
 *
 * For the store's list models, right after factures_document_row_new(): rows are
 * read-only once handed to a view.
 */
void
factures_document_row_set_quote_status (FacturesDocumentRow *self,
                                        gint                 status)
{
  g_return_if_fail (FACTURES_IS_DOCUMENT_ROW (self));
  self->quote_status = MAX (status, -1);
}

const char *
factures_document_row_get_currency (FacturesDocumentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_ROW (self), NULL);
  return self->currency;
}

void
factures_document_row_set_currency (FacturesDocumentRow *self,
                                    const char          *currency)
{
  g_return_if_fail (FACTURES_IS_DOCUMENT_ROW (self));
  g_free (self->currency);
  self->currency = currency != NULL && *currency != '\0' && g_strcmp0 (currency, "EUR") != 0 ? g_strdup (currency) : NULL;
}
