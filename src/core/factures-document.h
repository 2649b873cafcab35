/* factures-document.h — the domain model: seller profile, client, document, lines, totals
 *
 * Plain C structs (no GObject) so core stays free of I/O and GTK; store maps
 * them to SQLite rows, output draws them, ui wraps them for editing.
 * Terms follow EN 16931: seller (BG-4), buyer (BG-7), invoice line (BG-25),
 * VAT breakdown (BG-23), document totals (BG-22).
 * All money is gint64 cents, quantities gint64 1e-4, unit prices gint64 1e-6 €,
 * rates gint basis points (see factures-money.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"
#include "factures-money.h"
#include "factures-date.h"
#include "factures-vat.h"

G_BEGIN_DECLS

/* EN 16931 BT-3 type codes; quotes have no code (0). */
typedef enum {
  FACTURES_DOCUMENT_KIND_QUOTE        = 0,
  FACTURES_DOCUMENT_KIND_INVOICE      = 380,
  FACTURES_DOCUMENT_KIND_CREDIT_NOTE  = 381,
  FACTURES_DOCUMENT_KIND_DEPOSIT      = 386,
} FacturesDocumentKind;

typedef enum {
  FACTURES_DOCUMENT_STATUS_DRAFT,
  FACTURES_DOCUMENT_STATUS_ISSUED,
} FacturesDocumentStatus;

/* Buyer category: decides B2B/B2C mentions, penalties and the dunning ladder. */
typedef enum {
  FACTURES_CLIENT_CATEGORY_INDIVIDUAL,   /* particulier (B2C) */
  FACTURES_CLIENT_CATEGORY_COMPANY,      /* entreprise */
  FACTURES_CLIENT_CATEGORY_ASSOCIATION,  /* association */
  FACTURES_CLIENT_CATEGORY_PUBLIC,       /* administration */
} FacturesClientCategory;

/* Professional buyers (all but individuals) get the B2B mentions (LEGAL.md §1). */
gboolean factures_client_category_is_b2b (FacturesClientCategory category);

typedef enum {
  FACTURES_REGISTRY_NONE,   /* libéral: no registration mention */
  FACTURES_REGISTRY_RCS,    /* commerçant: "RCS <ville>" */
  FACTURES_REGISTRY_RNE,    /* artisan: "Inscrit au RNE" (LEGAL.md §1, RM merged into RNE 2023) */
} FacturesRegistry;

/* Nature of the operation (mandatory mention from 1 Sep 2027; XML BT-23). */
typedef enum {
  FACTURES_ACTIVITY_SERVICES,
  FACTURES_ACTIVITY_GOODS,
  FACTURES_ACTIVITY_BOTH,
} FacturesActivity;

typedef enum {
  FACTURES_VAT_REGIME_FRANCHISE,   /* art. 293 B du CGI: no VAT, category E */
  FACTURES_VAT_REGIME_REGISTERED,  /* charges VAT: rates 20, 10, 5.5, 2.1 % */
} FacturesVatRegime;

typedef enum {
  FACTURES_TERMS_ON_RECEIPT,       /* à réception */
  FACTURES_TERMS_DAYS,             /* N jours (date d'émission + N) */
  FACTURES_TERMS_END_OF_MONTH_45,  /* 45 jours fin de mois */
} FacturesTermsKind;

/* The two legal ways to count "45 jours fin de mois" (C. com. L441-10). */
typedef enum {
  FACTURES_EOM_METHOD_ADD_THEN_END,  /* issue date + 45 days, then end of that month */
  FACTURES_EOM_METHOD_END_THEN_ADD,  /* end of the issue month, then + 45 days */
} FacturesEomMethod;

typedef struct {
  FacturesTermsKind kind;
  guint             days;    /* FACTURES_TERMS_DAYS only */
} FacturesPaymentTerms;

/* Name, postal address and identifiers of a seller or buyer. Strings are UTF-8, NULL when unknown. */
typedef struct {
  char *name;          /* seller: ends with "EI" */
  char *address;       /* street lines, '\n' separated */
  char *postal_code;
  char *city;
  char *country_code;  /* ISO 3166-1 alpha-2, "FR" */
  char *siren;         /* 9 digits */
  char *siret;         /* 14 digits */
  char *vat_id;        /* "FR" + 2 key digits + SIREN */
  char *email;
  char *phone;
} FacturesParty;

/* The business profile (seller, BG-4) as stored, or as frozen in an issued document.
 * (The typedef FacturesProfile is in factures-vat.h.) */
struct _FacturesProfile {
  FacturesParty         party;
  FacturesRegistry      registry;
  char                 *registry_city;     /* "Lyon" for "RCS Lyon" */
  FacturesActivity      activity;
  FacturesVatRegime     vat_regime;
  char                 *iban;              /* normalised, no spaces */
  char                 *bic;
  FacturesPaymentTerms  default_terms;
  FacturesEomMethod     eom_method;
  gint                  penalty_rate_bp;   /* 0: "taux BCE + 10 points" wording */
  char                 *insurance;         /* trade insurance mention, NULL when not required */
  GBytes               *logo;              /* PNG bytes or NULL */
  gboolean              building_trade;    /* bâtiment: quotes carry "devis reçu avant
                                            * l'exécution des travaux" (LEGAL.md §2) */
  gint                  escompte_rate_bp;  /* discount for early payment (C. com. L441-9);
                                            * 0: "Pas d'escompte pour paiement anticipé" */
  guint                 escompte_days;     /* paid within this many days of issue */
  /* VAT treatment (issue 13, migration 0013). party.vat_id is the intra-community VAT number,
   * which a franchise seller also needs to sell services reverse-charged in another member
   * state (art. 286 ter 5° CGI). */
  FacturesVatTerritory  territory;         /* where the seller is established */
  FacturesLineActivity  line_activity;     /* default activity of new lines; DEFAULT: from
                                            * activity and registry (factures_vat_line_activity()) */
  GPtrArray            *exempt_activities; /* FacturesExemptActivity*, owned, never NULL once
                                            * made by factures_profile_new(); may be empty */
  /* VAT charged from this day (the Year view's « Appliquer la TVA à partir d'une date… »,
   * migration 0025), only with FACTURES_VAT_REGIME_REGISTERED; cleared (invalid) when unknown
   * or in franchise. A document issued before it keeps the franchise (art. 293 B, the mention):
   * factures_vat_resolve_lines(). */
  GDate                 vat_from;
};

/**
 * FacturesDocumentLanguage:
 * @FACTURES_DOCUMENT_LANGUAGE_FRENCH: French only (the default)
 * @FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH: French followed by English: the PDF's titles,
 *   column headers and mentions carry their English translation after the French (legal
 *   mentions in French first), the e-mails the French then the English template
 *
 * The language of a client's documents (issue 13 item 5, migration 0018).
 */
typedef enum {
  FACTURES_DOCUMENT_LANGUAGE_FRENCH = 0,
  FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH = 1,
} FacturesDocumentLanguage;

/* A client (buyer, BG-7). (The typedef FacturesClient is in factures-vat.h.) */
struct _FacturesClient {
  gint64                  id;              /* 0 until stored */
  FacturesParty           party;
  FacturesClientCategory  category;        /* not INDIVIDUAL: a business for VAT purposes */
  gboolean                has_terms;       /* FALSE: the profile's default terms */
  FacturesPaymentTerms    terms;
  char                   *notes;
  /* Issue 13 (migration 0013): the legal identifier of a business abroad that has no EU VAT
   * number (company register number, EIN, UID…; CII BT-47 without scheme), or NULL. */
  char                   *legal_id;
  /* Issue 15 (migration 0020): an administration's service code (BT-10, buyer reference;
   * Chorus Pro requires it), or NULL. */
  char                   *service_code;
  /* Issue 15: the buyer's electronic address from the PA's directory (addressingIdentifier,
   * scheme 0225) when the last lookup said Enabled, or NULL. Read only: the store fills it
   * from its directory cache, the CII writes it as BT-49 when it differs from the SIREN. */
  char                   *electronic_address;
  /* Issue 13 item 5 (migration 0018): French, or French and English. */
  FacturesDocumentLanguage document_language;
};

/* One invoice line (BG-25). (The typedef FacturesLine is in factures-vat.h.) */
struct _FacturesLine {
  char   *description;   /* may span several lines */
  gint64  quantity;      /* 1e-4 */
  char   *unit;          /* free text: "h", "jour", "pièce", may be NULL */
  gint64  unit_price;    /* 1e-6 € HT */
  gint    vat_rate_bp;   /* 0 unless category S (or Z: 0 too) */
  gint64  allowance;     /* line discount in cents (≥ 0) */
  /* VAT treatment (issue 13, migration 0013; see factures-vat.h): */
  FacturesLineActivity activity;      /* DEFAULT: the profile's */
  FacturesVatCategory  vat_category;  /* BT-151; UNSET on lines from before issue 13 */
  char   *vatex;         /* BT-121 exemption reason code ("VATEX-EU-AE") or NULL */
  char   *exemption_reason; /* BT-120 text, the mention printed ("Autoliquidation") or NULL */
  char   *override_reason;  /* why the user chose another treatment than the proposal, or NULL */
  /* Issue 17 (migration 0016): a débours, paid in the client's name and for the client, billed
   * at the exact amount (LEGAL-2.md §3): excluded from every URSSAF figure and threshold. */
  gboolean debours;
};

/* One VAT breakdown row (BG-23), one per category and rate (one per category but S).
 * @category is the first letter of the code ('S', 'E', 'A' for AE, 'K', 'G', 'O', 'Z'); use
 * @vat_category. @vatex and @reason (BT-121, BT-120) are owned by the breakdown array: a row
 * gathering lines with several reasons (E: 293 B and 261) joins the texts with "\n" and keeps
 * the first code. */
typedef struct {
  char   category;
  gint   rate_bp;
  gint64 base;           /* cents */
  gint64 vat;            /* cents */
  FacturesVatCategory vat_category;
  char   *vatex;
  char   *reason;
} FacturesVatBreakdown;

/* Document totals (BG-22), all in cents. */
typedef struct {
  GArray *line_nets;     /* gint64 per line, same order as the lines */
  GArray *breakdown;     /* FacturesVatBreakdown, highest rate first */
  gint64  lines_total;   /* BT-106: sum of line nets */
  gint64  allowance_total; /* BT-107: document-level allowance */
  gint64  net_total;     /* BT-109: lines − allowance */
  gint64  vat_total;     /* BT-110 */
  gint64  gross_total;   /* BT-112 */
  gint64  paid_total;    /* BT-113: deposits and payments already received */
  gint64  amount_due;    /* BT-115 */
} FacturesTotals;

/* A document cited by another (issue 3): the quote an invoice or deposit
 * invoice comes from, the invoice a credit note corrects (BT-25/BT-26), or a
 * deposit invoice deducted by a final invoice. */
typedef struct {
  gint64                  id;              /* the cited document's id */
  FacturesDocumentKind    kind;
  char                   *number;          /* its number (cited documents are issued) */
  GDate                   issue_date;
  gint64                  amount;          /* its gross total (TTC) in cents */
} FacturesDocumentRef;

/* One instalment of a payment schedule (échéancier) agreed before the document
 * is issued (issue 6): see factures-schedule.h for its rules. */
typedef struct {
  GDate                   due_date;
  gint64                  amount;          /* cents, > 0 */
} FacturesPlannedInstalment;

/* (The typedef FacturesDocument is in factures-vat.h.) */
struct _FacturesDocument {
  gint64                  id;              /* 0 until stored */
  FacturesDocumentKind    kind;
  FacturesDocumentStatus  status;
  char                   *number;          /* NULL for a draft */
  GDate                   issue_date;
  GDate                   delivery_date;   /* invalid (g_date_clear) when the same as issue */
  GDate                   due_date;
  FacturesPaymentTerms    terms;
  gint64                  client_id;
  FacturesProfile        *seller;          /* owned; frozen snapshot once issued */
  FacturesClient         *buyer;           /* owned; frozen snapshot once issued */
  GPtrArray              *lines;           /* FacturesLine*, owned */
  gint64                  allowance;       /* document-level allowance, cents */
  char                   *notes;
  char                   *purchase_order;  /* buyer's order reference (BT-13) */
  char                   *hash;            /* hex SHA-256 chain value once issued */
  /* Lifecycle (issue 3), filled by the store, frozen at issue: */
  GDate                   valid_until;     /* quotes: validity date; invalid otherwise */
  char                   *conditions;      /* quotes: conditions of the offer, or NULL */
  FacturesDocumentRef    *cites;           /* the quote (invoice, deposit) or the invoice
                                            * (credit note) this document cites, or NULL */
  GPtrArray              *deposits;        /* final invoice: FacturesDocumentRef* of the
                                            * deposit invoices it deducts; NULL or empty */
  /* Payment schedule (issue 6), filled by the store: a draft's plan as saved with
   * factures_store_set_instalments(), or the plan frozen into an issued document.
   * GArray of FacturesPlannedInstalment in due-date order; NULL or empty: none. */
  GArray                 *instalments;
  /* Currency (issue 13 item 4, migration 0017; see factures-currency.h): the ISO 4217 code of
   * the invoice currency (BT-5), NULL for euros (never "EUR"); every amount of the document,
   * its lines and its totals is in cents of it. @exchange_rate: millionths of a euro for one
   * unit of @currency (FACTURES_EXCHANGE_RATE_ONE = 1), 0 when not given; required at issue
   * when VAT is due in another currency (BT-111, BR-FR-CO-12). Frozen at issue. A credit note
   * takes the currency of the invoice it corrects. */
  char                   *currency;
  gint64                  exchange_rate;
};

FacturesProfile  *factures_profile_new    (void);
FacturesProfile  *factures_profile_copy   (const FacturesProfile *profile);
void              factures_profile_free   (FacturesProfile *profile);

FacturesClient   *factures_client_new     (void);
FacturesClient   *factures_client_copy    (const FacturesClient *client);
void              factures_client_free    (FacturesClient *client);

FacturesLine     *factures_line_new       (void);
FacturesLine     *factures_line_copy      (const FacturesLine *line);
void              factures_line_free      (FacturesLine *line);

/* A new draft invoice dated today, no client, no lines. */
FacturesDocument *factures_document_new   (FacturesDocumentKind kind);
FacturesDocument *factures_document_copy  (const FacturesDocument *document);
void              factures_document_free  (FacturesDocument *document);

/* "Facture", "Devis", "Facture d'acompte", "Avoir" (translated). */
const char       *factures_document_kind_title (FacturesDocumentKind kind);
/* "Facture", "Devis", "Facture d’acompte", "Avoir": always French, for the PDF. */
const char       *factures_document_kind_title_fr (FacturesDocumentKind kind);

FacturesDocumentRef *factures_document_ref_new  (void);
FacturesDocumentRef *factures_document_ref_copy (const FacturesDocumentRef *ref);
void              factures_document_ref_free (FacturesDocumentRef *ref);

/* Sum of the deposits' amounts (cents), 0 when none. */
gint64            factures_document_deposits_total (const FacturesDocument *document);

void              factures_party_clear    (FacturesParty *party);
void              factures_party_copy_to  (const FacturesParty *src, FacturesParty *dest);

void              factures_totals_clear   (FacturesTotals *totals);

/**
 * factures_totals_compute:
 * @lines: (element-type FacturesLine): the document's lines
 * @document_allowance: document-level allowance in cents (≥ 0), split pro rata per VAT rate
 * @vat_exempt: TRUE in franchise en base: one breakdown row, category E, rate 0
 * @out: (out caller-allocates): filled; clear with factures_totals_clear()
 *
 * The one function that computes every figure shown on screen, paper, XML and
 * registers (DESIGN.md §3). Line net = round(quantity × unit price) − line
 * allowance; VAT is computed once per rate on the sum of the line nets at that
 * rate minus its share of the document allowance (EN 16931 BR-CO-17), rounded
 * half away from zero.
 *
 * Returns: FALSE with FACTURES_ERROR_OVERFLOW when a figure exceeds gint64.
 */
gboolean factures_totals_compute (const GPtrArray *lines,
                                  gint64           document_allowance,
                                  gboolean         vat_exempt,
                                  FacturesTotals  *out,
                                  GError         **error);

/* Totals of @document (uses the seller's VAT regime). */
gboolean factures_document_compute_totals (const FacturesDocument *document,
                                           FacturesTotals         *out,
                                           GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesProfile, factures_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesClient, factures_client_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesLine, factures_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDocument, factures_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDocumentRef, factures_document_ref_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FacturesTotals, factures_totals_clear)

G_END_DECLS
