/* factures-facturx.c — PDF/A-3b Factur-X wrapper with libqpdf's C API
 *
 * What a Factur-X file needs (LEGAL.md §8; Factur-X 1.0 spec §6, ISO 19005-3):
 * the XML as an embedded file listed in the catalog's /AF with an
 * /AFRelationship, XMP metadata declaring PDF/A-3b and the fx extension
 * schema, an output intent with an ICC profile, a trailer /ID, and Info
 * entries that agree with the XMP. cairo 1.16 writes none of the XMP and
 * writes its dates without the "D:" prefix: both are rewritten here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>
#include <nettle/sha2.h>
#include <qpdf/qpdf-c.h>

#include "factures-facturx.h"

#define FX_NS "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"

typedef struct {
  qpdf_data q;
} Qpdf;

static void
qpdf_free (Qpdf *self)
{
  if (self->q != NULL)
    qpdf_cleanup (&self->q);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Qpdf, qpdf_free)

static Qpdf *
qpdf_open (GBytes *pdf, GError **error)
{
  Qpdf *self = g_new0 (Qpdf, 1);
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  self->q = qpdf_init ();
  qpdf_silence_errors (self->q);
  qpdf_set_suppress_warnings (self->q, QPDF_TRUE);
  if (size == 0 || (qpdf_read_memory (self->q, "document.pdf", data, size, NULL) & QPDF_ERRORS))
    {
      qpdf_error e = qpdf_get_error (self->q);

      /* qpdf's own text names the buffer ("document.pdf: …"): only its detail is kept, as a detail. */
      if (size == 0)
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The file is empty."));
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("Unreadable PDF: the file is truncated or damaged (technical detail: %s)."),
                     e != NULL ? qpdf_get_error_message_detail (self->q, e) : "?");
      qpdf_free (self);
      return NULL;
    }
  return self;
}

/* The date of the file: SOURCE_DATE_EPOCH when set (reproducible), else now, in UTC. */
static GDateTime *
file_date (void)
{
  const char *env = g_getenv ("SOURCE_DATE_EPOCH");

  if (env != NULL && *env != '\0')
    {
      char *end = NULL;
      gint64 epoch = g_ascii_strtoll (env, &end, 10);

      if (end != env && *end == '\0' && epoch >= 0)
        {
          GDateTime *dt = g_date_time_new_from_unix_utc (epoch);

          if (dt != NULL)
            return dt;
        }
    }
  return g_date_time_new_now_utc ();
}

static qpdf_oh
name (qpdf_data q, const char *n)
{
  return qpdf_oh_new_name (q, n);
}

static const char *
utf8_key (qpdf_data q, qpdf_oh dict, const char *key)
{
  qpdf_oh value = qpdf_oh_get_key (q, dict, key);

  if (!qpdf_oh_is_string (q, value))
    return NULL;
  return qpdf_oh_get_utf8_value (q, value);
}

static char *
xmp_packet (const char *title, const char *author, const char *creator, const char *producer,
            const char *date, FacturesCiiProfile profile)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autofree char *fx = NULL;

  g_string_append (s, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
  head = g_markup_printf_escaped (
    "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
    "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
    "</rdf:Description>\n"
    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<dc:format>application/pdf</dc:format>\n"
    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
    "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n"
    "</rdf:Description>\n"
    "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
    "<xmp:CreatorTool>%s</xmp:CreatorTool>\n"
    "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
    "<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
    "</rdf:Description>\n"
    "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
    "<pdf:Producer>%s</pdf:Producer>\n"
    "</rdf:Description>\n",
    title, author, creator, date, date, date, producer);
  g_string_append (s, head);
  fx = g_markup_printf_escaped (
    "<rdf:Description rdf:about=\"\" xmlns:fx=\"" FX_NS "\">\n"
    "<fx:DocumentType>INVOICE</fx:DocumentType>\n"
    "<fx:DocumentFileName>%s</fx:DocumentFileName>\n"
    "<fx:Version>1.0</fx:Version>\n"
    "<fx:ConformanceLevel>%s</fx:ConformanceLevel>\n"
    "</rdf:Description>\n",
    FACTURES_FACTURX_FILENAME, factures_cii_profile_conformance_level (profile));
  g_string_append (s, fx);
  /* The PDF/A extension schema description of the fx properties (Factur-X 1.0,
   * akretion/factur-x xmp/Factur-X_extension_schema.xmp). */
  g_string_append (s,
    "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>" FX_NS "</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>fx</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq>\n");
  {
    static const char * const props[][2] = {
      { "DocumentFileName", "name of the embedded XML invoice file" },
      { "DocumentType", "INVOICE" },
      { "Version", "The actual version of the Factur-X XML schema" },
      { "ConformanceLevel", "The conformance level of the embedded Factur-X data" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (props); i++)
      g_string_append_printf (s,
        "<rdf:li rdf:parseType=\"Resource\">\n"
        "<pdfaProperty:name>%s</pdfaProperty:name>\n"
        "<pdfaProperty:valueType>Text</pdfaProperty:valueType>\n"
        "<pdfaProperty:category>external</pdfaProperty:category>\n"
        "<pdfaProperty:description>%s</pdfaProperty:description>\n"
        "</rdf:li>\n", props[i][0], props[i][1]);
  }
  g_string_append (s, "</rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
                      "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
  /* Padding lets editors rewrite the packet in place (XMP spec part 1, 7.3.3). */
  for (guint i = 0; i < 20; i++)
    g_string_append (s, "                                                                                \n");
  g_string_append (s, "<?xpacket end=\"w\"?>");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
write_out (qpdf_data q, GBytes **out, GError **error)
{
  if (qpdf_init_write_memory (q) & QPDF_ERRORS)
    goto fail;
  qpdf_set_minimum_pdf_version (q, "1.7");
  qpdf_set_deterministic_ID (q, QPDF_TRUE);
  qpdf_set_compress_streams (q, QPDF_TRUE);
  qpdf_set_object_stream_mode (q, qpdf_o_disable);
  if (qpdf_write (q) & QPDF_ERRORS)
    goto fail;
  *out = g_bytes_new (qpdf_get_buffer (q), qpdf_get_buffer_length (q));
  return TRUE;

fail:
  {
    qpdf_error e = qpdf_get_error (q);

    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, "The Factur-X PDF could not be written: %s",
                 e != NULL ? qpdf_get_error_full_text (q, e) : "?");
    return FALSE;
  }
}

/* The sRGB profile of the output intent, looked up (and uncompressed) once per process
 * (issue 12: issuing 100 invoices in one process). Returns: (transfer full). */
static GBytes *
icc_profile (GError **error)
{
  static gsize initialized = 0;
  static GBytes *icc = NULL;

  if (g_once_init_enter (&initialized))
    {
      factures_facturx_register_resources ();
      icc = g_resources_lookup_data ("/org/example/Factures/facturx/sRGB.icc", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_once_init_leave (&initialized, 1);
    }
  if (icc == NULL)
    {
      g_set_error_literal (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND,
                           "/org/example/Factures/facturx/sRGB.icc");
      return NULL;
    }
  return g_bytes_ref (icc);
}

/* The compressor of the invoice XML, kept per thread and reset between files: a new one
 * allocates and clears zlib's 256 KiB of window and hash tables, which cost as much as
 * deflating a 17 KB invoice XML at level 3 (issue 12). */
static GPrivate xml_compressor = G_PRIVATE_INIT (g_object_unref);

/* @data deflated (zlib format) at @level, or NULL; with @kept, by the thread's kept compressor
 * (whose level is the one of its first use). */
static GBytes *
deflate_bytes (const void *data, gsize size, int level, gboolean kept)
{
  g_autoptr(GConverter) own = NULL;
  GConverter *deflater = kept ? g_private_get (&xml_compressor) : NULL;
  g_autoptr(GByteArray) out = g_byte_array_sized_new (size / 4 + 64);
  gsize in_pos = 0;

  if (deflater != NULL)
    g_converter_reset (deflater);
  else if (kept)
    {
      deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, level));
      g_private_set (&xml_compressor, deflater);
    }
  else
    deflater = own = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, level));

  for (;;)
    {
      guint8 chunk[65536];
      gsize read = 0, written = 0;
      GConverterResult result = g_converter_convert (deflater, (const guint8 *) data + in_pos, size - in_pos,
                                                     chunk, sizeof chunk, G_CONVERTER_INPUT_AT_END,
                                                     &read, &written, NULL);

      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_pos += read;
      g_byte_array_append (out, chunk, (guint) written);
      if (result == G_CONVERTER_FINISHED)
        return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
}

/* The sRGB profile deflated, once per process (NULL when it cannot be). Returns: (transfer full). */
static GBytes *
icc_profile_deflated (void)
{
  static gsize initialized = 0;
  static GBytes *deflated = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) icc = icc_profile (NULL);

      if (icc != NULL)
        deflated = deflate_bytes (g_bytes_get_data (icc, NULL), g_bytes_get_size (icc), 9, FALSE);
      g_once_init_leave (&initialized, 1);
    }
  return deflated != NULL ? g_bytes_ref (deflated) : NULL;
}

/* The offset of the last cross-reference section of @data when the file ends as cairo ends
 * it: a classic table ("startxref N %%EOF" with "xref" at N, not a cross-reference stream,
 * after which an update must also be a stream); -1 otherwise. */
static gint64
classic_xref_offset (const char *data, gsize size)
{
  gsize tail = MIN (size, (gsize) 64);
  const char *end = data + size;
  const char *p = g_strrstr_len (end - tail, (gssize) tail, "startxref");
  gint64 offset = 0;

  if (p == NULL)
    return -1;
  p += strlen ("startxref");
  while (p < end && (*p == '\r' || *p == '\n' || *p == ' '))
    p++;
  if (p == end || !g_ascii_isdigit (*p))
    return -1;
  while (p < end && g_ascii_isdigit (*p) && offset < G_MAXINT32)
    offset = offset * 10 + (*p++ - '0');
  while (p < end && (*p == '\r' || *p == '\n' || *p == ' '))
    p++;
  if (end - p < 5 || strncmp (p, "%%EOF", 5) != 0 || (gsize) offset + 4 > size
      || strncmp (data + offset, "xref", 4) != 0)
    return -1;
  return offset;
}

/* Appends " KEY VALUE" for every entry of @dict except those of @skip (NULL-terminated). */
static void
append_entries (qpdf_data q, GString *out, qpdf_oh dict, const char * const *skip)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  /* Keys first: one key iteration at a time, and unparse invalidates nothing of it. */
  qpdf_oh_begin_dict_key_iter (q, dict);
  while (qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];

      if (skip != NULL && g_strv_contains (skip, key))
        continue;
      g_string_append_c (out, ' ');
      g_string_append (out, qpdf_oh_unparse (q, qpdf_oh_new_name (q, key)));
      g_string_append_c (out, ' ');
      g_string_append (out, qpdf_oh_unparse (q, qpdf_oh_get_key (q, dict, key)));
    }
}

typedef struct {
  int number;
  gsize offset;
} XrefEntry;

static gint
xref_entry_compare (gconstpointer a, gconstpointer b)
{
  return ((const XrefEntry *) a)->number - ((const XrefEntry *) b)->number;
}

/* Starts object @number in @out (an incremental update after @base bytes), noting its offset. */
static void
begin_object (GString *out, gsize base, GArray *xref, int number)
{
  XrefEntry entry = { number, base + out->len };

  g_array_append_val (xref, entry);
  g_string_append_printf (out, "%d 0 obj\n", number);
}

static void
append_stream (GString *out, const char *dict_entries, const void *data, gsize size)
{
  g_string_append_printf (out, "<<%s /Length %" G_GSIZE_FORMAT " >>\nstream\n", dict_entries, size);
  g_string_append_len (out, data, (gssize) size);
  g_string_append (out, "\nendstream\nendobj\n");
}

/* factures_facturx_wrap() as an incremental update (ISO 32000-1 §7.5.6): cairo's file is
 * kept byte for byte and followed by the objects the Factur-X file adds or changes (Info,
 * catalog, embedded XML, its file specification, XMP, colour profile), a cross-reference
 * section for them and a trailer with the /ID, as PDF/A-3 allows (ISO 19005-3 §6.1.3). qpdf
 * reads only the trailer, the catalog and Info; rewriting the whole file with it (every
 * object parsed, written again and hashed) cost as much as a fifth of issuing an invoice
 * (issue 12). Returns NULL without an error when @pdf is not a file this path can extend
 * (not a classic cross-reference table, encrypted, repaired while read): the caller then
 * rewrites it with qpdf. */
static GBytes *
wrap_incremental (GBytes             *pdf,
                  GBytes             *xml,
                  FacturesCiiProfile  profile,
                  GDateTime          *when,
                  const char         *producer)
{
  g_autoptr(Qpdf) self = NULL;
  g_autoptr(GBytes) icc = icc_profile_deflated ();
  g_autoptr(GBytes) xml_deflated = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) xref = NULL;
  struct sha256_ctx sha;
  guint8 digest[16];
  char id_hex[2 * sizeof digest + 1];
  g_autofree char *pdf_date = NULL;
  g_autofree char *xmp_date = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *xmp = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *entries = NULL;
  gsize size, xml_size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *xml_data = g_bytes_get_data (xml, &xml_size);
  gint64 prev = classic_xref_offset (data, size);
  qpdf_data q;
  qpdf_oh trailer, root, info, names, id;
  int n_objects, root_number, info_number, ef_number, spec_number, md_number, icc_number;
  gsize base, xref_offset;
  static const char * const info_set[] = { "/Title", "/Author", "/Creator", "/Producer", "/CreationDate",
                                           "/ModDate", NULL };
  static const char * const root_set[] = { "/Names", "/AF", "/Metadata", "/OutputIntents", NULL };

  if (prev < 0 || icc == NULL)
    return NULL;
  self = qpdf_open (pdf, NULL);
  if (self == NULL)
    return NULL;
  q = self->q;
  trailer = qpdf_get_trailer (q);
  root = qpdf_oh_get_key (q, trailer, "/Root");
  info = qpdf_oh_get_key (q, trailer, "/Info");
  if (qpdf_more_warnings (q) || qpdf_oh_has_key (q, trailer, "/Encrypt")
      || !qpdf_oh_is_integer (q, qpdf_oh_get_key (q, trailer, "/Size"))
      || !qpdf_oh_is_indirect (q, root) || qpdf_oh_get_generation (q, root) != 0
      || !qpdf_oh_is_dictionary (q, root)
      || (qpdf_oh_has_key (q, trailer, "/Info")
          && (!qpdf_oh_is_indirect (q, info) || qpdf_oh_get_generation (q, info) != 0
              || !qpdf_oh_is_dictionary (q, info))))
    return NULL;
  names = qpdf_oh_get_key (q, root, "/Names");
  if (qpdf_oh_has_key (q, root, "/Names") && !qpdf_oh_is_dictionary (q, names))
    return NULL;
  /* Level 3: a CII invoice of 17 KB deflates 5 times faster than at the default level 6, to
   * 10 % more bytes (1,885 instead of 1,709). */
  xml_deflated = deflate_bytes (xml_data, xml_size, 3, TRUE);
  if (xml_deflated == NULL)
    return NULL;

  n_objects = qpdf_oh_get_int_value_as_int (q, qpdf_oh_get_key (q, trailer, "/Size"));
  if (n_objects < 1 || n_objects > G_MAXINT32 - 8)
    return NULL;
  root_number = qpdf_oh_get_object_id (q, root);
  info_number = qpdf_oh_has_key (q, trailer, "/Info") ? qpdf_oh_get_object_id (q, info) : n_objects++;
  ef_number = n_objects++;
  spec_number = n_objects++;
  md_number = n_objects++;
  icc_number = n_objects++;

  pdf_date = g_date_time_format (when, "D:%Y%m%d%H%M%S+00'00'");
  xmp_date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00");
  date_text = g_strdup (qpdf_oh_unparse (q, qpdf_oh_new_string (q, pdf_date)));
  if (qpdf_oh_is_dictionary (q, info))
    {
      title = g_strdup (utf8_key (q, info, "/Title"));
      author = g_strdup (utf8_key (q, info, "/Author"));
      creator = g_strdup (utf8_key (q, info, "/Creator"));
    }
  if (title == NULL)
    title = g_strdup ("");
  if (author == NULL)
    author = g_strdup ("");
  if (creator == NULL)
    creator = g_strdup ("Factures");

  base = size;
  out = g_string_sized_new (xml_size / 4 + g_bytes_get_size (icc) + 8192);
  xref = g_array_new (FALSE, FALSE, sizeof (XrefEntry));
  if (data[size - 1] != '\n' && data[size - 1] != '\r')
    g_string_append_c (out, '\n');

  /* Info: cairo's entries kept, title, author and creator re-encoded, dates and producer set
   * as the XMP repeats them. */
  begin_object (out, base, xref, info_number);
  g_string_append (out, "<<");
  if (qpdf_oh_is_dictionary (q, info))
    append_entries (q, out, info, info_set);
  g_string_append_printf (out, " /Title %s", qpdf_oh_unparse (q, qpdf_oh_new_unicode_string (q, title)));
  g_string_append_printf (out, " /Author %s", qpdf_oh_unparse (q, qpdf_oh_new_unicode_string (q, author)));
  g_string_append_printf (out, " /Creator %s", qpdf_oh_unparse (q, qpdf_oh_new_unicode_string (q, creator)));
  g_string_append_printf (out, " /Producer %s", qpdf_oh_unparse (q, qpdf_oh_new_unicode_string (q, producer)));
  g_string_append_printf (out, " /CreationDate %s /ModDate %s >>\nendobj\n", date_text, date_text);

  /* The embedded file stream (ISO 32000-1 §7.11.4) with its MIME subtype. */
  begin_object (out, base, xref, ef_number);
  entries = g_strdup_printf (" /Type /EmbeddedFile /Subtype /text#2Fxml /Params << /Size %" G_GSIZE_FORMAT
                             " /ModDate %s >> /Filter /FlateDecode", xml_size, date_text);
  append_stream (out, entries, g_bytes_get_data (xml_deflated, NULL), g_bytes_get_size (xml_deflated));

  /* Its file specification: Data for MINIMUM and BASIC WL (not a full invoice), Alternative
   * otherwise (LEGAL.md §8). */
  begin_object (out, base, xref, spec_number);
  /* (qpdf_oh_unparse()'s text lasts until its next call: one per statement) */
  g_string_append_printf (out, "<< /Type /Filespec /F %s",
                          qpdf_oh_unparse (q, qpdf_oh_new_string (q, FACTURES_FACTURX_FILENAME)));
  g_string_append_printf (out, " /UF %s",
                          qpdf_oh_unparse (q, qpdf_oh_new_unicode_string (q, FACTURES_FACTURX_FILENAME)));
  g_string_append_printf (out, " /Desc %s",
                          qpdf_oh_unparse (q, qpdf_oh_new_unicode_string (q, "Factur-X invoice")));
  g_string_append_printf (out, " /AFRelationship %s /EF << /F %d 0 R /UF %d 0 R >> >>\nendobj\n",
                          profile <= FACTURES_CII_PROFILE_BASIC_WL ? "/Data" : "/Alternative",
                          ef_number, ef_number);

  /* XMP metadata stream: uncompressed, as PDF/A requires of it. */
  xmp = xmp_packet (title, author, creator, producer, xmp_date, profile);
  begin_object (out, base, xref, md_number);
  append_stream (out, " /Type /Metadata /Subtype /XML", xmp, strlen (xmp));

  /* sRGB output intent (icc-profiles-free, zlib licence: data/facturx/sRGB.icc.LICENSE). */
  begin_object (out, base, xref, icc_number);
  append_stream (out, " /N 3 /Filter /FlateDecode", g_bytes_get_data (icc, NULL), g_bytes_get_size (icc));

  /* The catalog, with its /Names extended by the EmbeddedFiles name tree (one leaf) and /AF. */
  begin_object (out, base, xref, root_number);
  g_string_append (out, "<<");
  append_entries (q, out, root, root_set);
  g_string_append (out, " /Names <<");
  if (qpdf_oh_is_dictionary (q, names))
    {
      static const char * const names_set[] = { "/EmbeddedFiles", NULL };

      append_entries (q, out, names, names_set);
    }
  g_string_append_printf (out, " /EmbeddedFiles << /Names [ %s %d 0 R ] >> >>",
                          qpdf_oh_unparse (q, qpdf_oh_new_string (q, FACTURES_FACTURX_FILENAME)), spec_number);
  g_string_append_printf (out, " /AF [ %d 0 R ] /Metadata %d 0 R", spec_number, md_number);
  g_string_append_printf (out, " /OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1"
                               " /OutputConditionIdentifier (sRGB) /RegistryName (http://www.color.org)"
                               " /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R >> ]",
                          icc_number);
  if (!qpdf_oh_has_key (q, root, "/Version"))
    g_string_append (out, " /Version /1.7");
  g_string_append (out, " >>\nendobj\n");

  /* The cross-reference section of the update: one subsection per run of numbers. */
  g_array_sort (xref, xref_entry_compare);
  xref_offset = base + out->len;
  g_string_append (out, "xref\n");
  for (guint i = 0; i < xref->len;)
    {
      guint j = i + 1;

      while (j < xref->len && g_array_index (xref, XrefEntry, j).number == g_array_index (xref, XrefEntry, j - 1).number + 1)
        j++;
      g_string_append_printf (out, "%d %u\n", g_array_index (xref, XrefEntry, i).number, j - i);
      for (; i < j; i++)
        g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (xref, XrefEntry, i).offset);
    }

  /* The /ID: from the content (the same file gives the same identifier, as qpdf's deterministic
   * one), its first part kept when cairo's file has one: 16 bytes of the SHA-256 of the file
   * (nettle, with the processor's SHA instructions: several times faster than GLib's MD5). */
  sha256_init (&sha);
  sha256_update (&sha, size, (const guint8 *) data);
  sha256_update (&sha, out->len, (const guint8 *) out->str);
  sha256_digest (&sha, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_snprintf (id_hex + 2 * i, 3, "%02x", digest[i]);
  id = qpdf_oh_get_key (q, trailer, "/ID");
  if (qpdf_oh_is_array (q, id) && qpdf_oh_get_array_n_items (q, id) == 2
      && qpdf_oh_is_string (q, qpdf_oh_get_array_item (q, id, 0)))
    first_id = g_strdup (qpdf_oh_unparse (q, qpdf_oh_get_array_item (q, id, 0)));
  else
    first_id = g_strdup_printf ("<%s>", id_hex);
  g_string_append_printf (out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %" G_GINT64_FORMAT
                               " /ID [ %s <%s> ] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n_objects, root_number, info_number, prev, first_id, id_hex,
                          xref_offset);

  {
    GByteArray *result = g_byte_array_sized_new ((guint) (size + out->len));

    g_byte_array_append (result, (const guint8 *) data, (guint) size);
    g_byte_array_append (result, (const guint8 *) out->str, (guint) out->len);
    return g_byte_array_free_to_bytes (result);
  }
}

/**
 * factures_facturx_wrap:
 * (see factures-facturx.h)
 */
GBytes *
factures_facturx_wrap (GBytes              *pdf,
                       GBytes              *xml,
                       FacturesCiiProfile   profile,
                       GError             **error)
{
  g_autoptr(Qpdf) self = NULL;
  g_autoptr(GDateTime) when = file_date ();
  g_autoptr(GBytes) icc = NULL;
  g_autofree char *pdf_date = NULL;
  g_autofree char *xmp_date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *xmp = NULL;
  const char *producer = "Factures " PACKAGE_VERSION " (cairo, qpdf)";
  qpdf_data q;
  qpdf_oh root, trailer, info, ef, ef_dict, params, filespec, ef_map, names, embedded, array, af;
  qpdf_oh metadata, md_dict, icc_stream, icc_dict, intent, intents;
  gsize xml_size, icc_size;
  const char *xml_data = g_bytes_get_data (xml, &xml_size);
  const char *icc_data;
  GBytes *result = NULL;

  g_return_val_if_fail (profile != FACTURES_CII_PROFILE_UNKNOWN, NULL);

  icc = icc_profile (error);
  if (icc == NULL)
    return NULL;
  icc_data = g_bytes_get_data (icc, &icc_size);

  /* cairo's files are extended by an incremental update; any other is rewritten below. */
  result = wrap_incremental (pdf, xml, profile, when, producer);
  if (result != NULL)
    return result;

  self = qpdf_open (pdf, error);
  if (self == NULL)
    return NULL;
  q = self->q;

  pdf_date = g_date_time_format (when, "D:%Y%m%d%H%M%S+00'00'");
  xmp_date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00");

  root = qpdf_get_root (q);
  trailer = qpdf_get_trailer (q);

  /* Info: keep cairo's title and author, write dates and producer the XMP repeats. */
  info = qpdf_oh_get_key (q, trailer, "/Info");
  if (!qpdf_oh_is_dictionary (q, info))
    {
      info = qpdf_make_indirect_object (q, qpdf_oh_new_dictionary (q));
      qpdf_oh_replace_key (q, trailer, "/Info", info);
    }
  title = g_strdup (utf8_key (q, info, "/Title") != NULL ? utf8_key (q, info, "/Title") : "");
  author = g_strdup (utf8_key (q, info, "/Author") != NULL ? utf8_key (q, info, "/Author") : "");
  creator = g_strdup (utf8_key (q, info, "/Creator") != NULL ? utf8_key (q, info, "/Creator") : "Factures");
  qpdf_oh_replace_key (q, info, "/Title", qpdf_oh_new_unicode_string (q, title));
  qpdf_oh_replace_key (q, info, "/Author", qpdf_oh_new_unicode_string (q, author));
  qpdf_oh_replace_key (q, info, "/Creator", qpdf_oh_new_unicode_string (q, creator));
  qpdf_oh_replace_key (q, info, "/Producer", qpdf_oh_new_unicode_string (q, producer));
  qpdf_oh_replace_key (q, info, "/CreationDate", qpdf_oh_new_string (q, pdf_date));
  qpdf_oh_replace_key (q, info, "/ModDate", qpdf_oh_new_string (q, pdf_date));

  /* The embedded file stream (ISO 32000-1 §7.11.4) with its MIME subtype. */
  ef = qpdf_oh_new_stream (q);
  qpdf_oh_replace_stream_data (q, ef, (const unsigned char *) xml_data, xml_size,
                               qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  ef_dict = qpdf_oh_get_dict (q, ef);
  qpdf_oh_replace_key (q, ef_dict, "/Type", name (q, "/EmbeddedFile"));
  qpdf_oh_replace_key (q, ef_dict, "/Subtype", name (q, "/text/xml"));
  params = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, params, "/Size", qpdf_oh_new_integer (q, (long long) xml_size));
  qpdf_oh_replace_key (q, params, "/ModDate", qpdf_oh_new_string (q, pdf_date));
  qpdf_oh_replace_key (q, ef_dict, "/Params", params);

  filespec = qpdf_make_indirect_object (q, qpdf_oh_new_dictionary (q));
  qpdf_oh_replace_key (q, filespec, "/Type", name (q, "/Filespec"));
  qpdf_oh_replace_key (q, filespec, "/F", qpdf_oh_new_string (q, FACTURES_FACTURX_FILENAME));
  qpdf_oh_replace_key (q, filespec, "/UF", qpdf_oh_new_unicode_string (q, FACTURES_FACTURX_FILENAME));
  qpdf_oh_replace_key (q, filespec, "/Desc", qpdf_oh_new_unicode_string (q, "Factur-X invoice"));
  /* Data for MINIMUM and BASIC WL (not a full invoice), Alternative otherwise (LEGAL.md §8). */
  qpdf_oh_replace_key (q, filespec, "/AFRelationship",
                       name (q, profile <= FACTURES_CII_PROFILE_BASIC_WL ? "/Data" : "/Alternative"));
  ef_map = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, ef_map, "/F", ef);
  qpdf_oh_replace_key (q, ef_map, "/UF", ef);
  qpdf_oh_replace_key (q, filespec, "/EF", ef_map);

  /* Catalog /Names /EmbeddedFiles name tree (one leaf) and /AF. */
  names = qpdf_oh_get_key (q, root, "/Names");
  if (!qpdf_oh_is_dictionary (q, names))
    {
      names = qpdf_oh_new_dictionary (q);
      qpdf_oh_replace_key (q, root, "/Names", names);
    }
  embedded = qpdf_oh_new_dictionary (q);
  array = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, array, qpdf_oh_new_string (q, FACTURES_FACTURX_FILENAME));
  qpdf_oh_append_item (q, array, filespec);
  qpdf_oh_replace_key (q, embedded, "/Names", array);
  qpdf_oh_replace_key (q, names, "/EmbeddedFiles", embedded);
  af = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, af, filespec);
  qpdf_oh_replace_key (q, root, "/AF", af);

  /* XMP metadata stream: uncompressed, as PDF/A requires of it. */
  xmp = xmp_packet (title, author, creator, producer, xmp_date, profile);
  metadata = qpdf_oh_new_stream (q);
  qpdf_oh_replace_stream_data (q, metadata, (const unsigned char *) xmp, strlen (xmp),
                               qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  md_dict = qpdf_oh_get_dict (q, metadata);
  qpdf_oh_replace_key (q, md_dict, "/Type", name (q, "/Metadata"));
  qpdf_oh_replace_key (q, md_dict, "/Subtype", name (q, "/XML"));
  qpdf_oh_replace_key (q, root, "/Metadata", metadata);

  /* sRGB output intent (icc-profiles-free, zlib licence: data/facturx/sRGB.icc.LICENSE). */
  icc_stream = qpdf_oh_new_stream (q);
  qpdf_oh_replace_stream_data (q, icc_stream, (const unsigned char *) icc_data, icc_size,
                               qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  icc_dict = qpdf_oh_get_dict (q, icc_stream);
  qpdf_oh_replace_key (q, icc_dict, "/N", qpdf_oh_new_integer (q, 3));
  intent = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, intent, "/Type", name (q, "/OutputIntent"));
  qpdf_oh_replace_key (q, intent, "/S", name (q, "/GTS_PDFA1"));
  qpdf_oh_replace_key (q, intent, "/OutputConditionIdentifier", qpdf_oh_new_string (q, "sRGB"));
  qpdf_oh_replace_key (q, intent, "/RegistryName", qpdf_oh_new_string (q, "http://www.color.org"));
  qpdf_oh_replace_key (q, intent, "/Info", qpdf_oh_new_string (q, "sRGB IEC61966-2.1"));
  qpdf_oh_replace_key (q, intent, "/DestOutputProfile", icc_stream);
  intents = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, intents, intent);
  qpdf_oh_replace_key (q, root, "/OutputIntents", intents);

  /* The writer gives the file its /ID (deterministic: from the content). */
  if (!write_out (q, &result, error))
    return NULL;
  return result;
}

/**
 * factures_facturx_render:
 * (see factures-facturx.h)
 */
GBytes *
factures_facturx_render (const FacturesDocument *document,
                         FacturesPdfFlags        flags,
                         GError                **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) pdf = NULL;

  xml = factures_cii_build (document, error);
  if (xml == NULL)
    return NULL;
  pdf = factures_pdf_render (document, flags, error);
  if (pdf == NULL)
    return NULL;
  return factures_facturx_wrap (pdf, xml, FACTURES_CII_PROFILE_EN16931, error);
}

/* Collects (name, filespec) pairs of a name tree node, recursively. */
static void
collect_names (qpdf_data q, qpdf_oh node, GArray *out, guint depth)
{
  qpdf_oh names, kids;

  if (depth > 16 || !qpdf_oh_is_dictionary (q, node))
    return;
  names = qpdf_oh_get_key (q, node, "/Names");
  if (qpdf_oh_is_array (q, names))
    for (int i = 0; i + 1 < qpdf_oh_get_array_n_items (q, names); i += 2)
      {
        qpdf_oh spec = qpdf_oh_get_array_item (q, names, i + 1);

        g_array_append_val (out, spec);
      }
  kids = qpdf_oh_get_key (q, node, "/Kids");
  if (qpdf_oh_is_array (q, kids))
    for (int i = 0; i < qpdf_oh_get_array_n_items (q, kids); i++)
      collect_names (q, qpdf_oh_get_array_item (q, kids, i), out, depth + 1);
}

static char *
filespec_name (qpdf_data q, qpdf_oh spec)
{
  const char *n = utf8_key (q, spec, "/UF");

  if (n == NULL)
    n = utf8_key (q, spec, "/F");
  return g_strdup (n != NULL ? n : "");
}

static qpdf_oh
filespec_stream (qpdf_data q, qpdf_oh spec)
{
  qpdf_oh ef = qpdf_oh_get_key (q, spec, "/EF");
  qpdf_oh stream;

  if (!qpdf_oh_is_dictionary (q, ef))
    return qpdf_oh_new_null (q);
  stream = qpdf_oh_get_key (q, ef, "/F");
  if (!qpdf_oh_is_stream (q, stream))
    stream = qpdf_oh_get_key (q, ef, "/UF");
  return stream;
}

/* All embedded-file specs: the EmbeddedFiles name tree, then the catalog's /AF. */
static GArray *
embedded_specs (qpdf_data q)
{
  GArray *specs = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
  qpdf_oh root = qpdf_get_root (q);
  qpdf_oh names = qpdf_oh_get_key (q, root, "/Names");
  qpdf_oh af = qpdf_oh_get_key (q, root, "/AF");

  if (qpdf_oh_is_dictionary (q, names))
    collect_names (q, qpdf_oh_get_key (q, names, "/EmbeddedFiles"), specs, 0);
  if (specs->len == 0 && qpdf_oh_is_array (q, af))
    for (int i = 0; i < qpdf_oh_get_array_n_items (q, af); i++)
      {
        qpdf_oh spec = qpdf_oh_get_array_item (q, af, i);

        g_array_append_val (specs, spec);
      }
  return specs;
}

/* Inflates zlib data (FlateDecode) into @out (NULL: thrown away), checking its Adler-32 (which
 * qpdf lets through); FACTURES_ERROR_OVERFLOW past @max bytes, FACTURES_ERROR_FORMAT when the
 * data is damaged. */
static gboolean
inflate_max (const guint8 *data, gsize length, gsize max, GByteArray *out, gsize *out_total, GError **error)
{
  g_autoptr(GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  gsize in_pos = 0, total = 0;

  for (;;)
    {
      guint8 chunk[65536];
      gsize read = 0, written = 0;
      g_autoptr(GError) local = NULL;
      GConverterResult result = g_converter_convert (inflater, data + in_pos, length - in_pos, chunk, sizeof chunk,
                                                     G_CONVERTER_INPUT_AT_END, &read, &written, &local);

      if (result == G_CONVERTER_ERROR)
        {
          /* zlib's text, a technical detail for the caller's sentence */
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, local->message);
          return FALSE;
        }
      in_pos += read;
      total += written;
      if (out_total != NULL)
        *out_total = total;
      if (out != NULL)
        g_byte_array_append (out, chunk, (guint) written);
      if (total > max)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW, "> %" G_GSIZE_FORMAT, max);
          return FALSE;
        }
      if (result == G_CONVERTER_FINISHED || (read == 0 && written == 0))
        return TRUE;
    }
}

/* TRUE when @stream's only filter is FlateDecode without parameters (what inflate_max() reads). */
static gboolean
is_plain_flate (qpdf_data q, qpdf_oh stream)
{
  qpdf_oh dict = qpdf_oh_get_dict (q, stream);
  qpdf_oh filter = qpdf_oh_get_key (q, dict, "/Filter");

  if (qpdf_oh_is_array (q, filter) && qpdf_oh_get_array_n_items (q, filter) == 1)
    filter = qpdf_oh_get_array_item (q, filter, 0);
  return qpdf_oh_is_name (q, filter) && g_strcmp0 (qpdf_oh_get_name (q, filter), "/FlateDecode") == 0
         && qpdf_oh_is_null (q, qpdf_oh_get_key (q, dict, "/DecodeParms"));
}

/* The decoded data of @stream, at most @max bytes (FACTURES_ERROR_OVERFLOW above it, before
 * holding more than @max + 64 KiB): a stream of a few kilobytes can inflate to gigabytes, so
 * FlateDecode (the filter every Factur-X writer uses) is inflated here step by step; other
 * filters are decoded by qpdf and measured after. */
static GBytes *
stream_data_max (qpdf_data q, qpdf_oh stream, gsize max, GError **error)
{
  gboolean flate = is_plain_flate (q, stream);
  unsigned char *buffer = NULL;
  size_t length = 0;
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *filters = g_strdup (qpdf_oh_unparse (q, qpdf_oh_get_key (q, qpdf_oh_get_dict (q, stream), "/Filter")));

  /* FlateDecode with other filters or parameters: qpdf would inflate it whole in memory,
   * and no Factur-X writer does it. */
  if (!flate && strstr (filters, "/FlateDecode") != NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("The invoice XML attached to the PDF is compressed in a way the app does not read "
                     "(technical detail: %s)."), filters);
      return NULL;
    }

  if (qpdf_oh_get_stream_data (q, stream, flate ? qpdf_dl_none : qpdf_dl_generalized, NULL, &buffer, &length)
      & QPDF_ERRORS)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("The invoice XML attached to the PDF cannot be read: the PDF is damaged."));
      return NULL;
    }
  if (!flate)
    {
      GBytes *data;

      if (length > max)
        {
          free (buffer);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW, "%" G_GSIZE_FORMAT, (gsize) length);
          return NULL;
        }
      data = g_bytes_new (buffer, length);
      free (buffer);
      return data;
    }

  out = g_byte_array_new ();
  if (!inflate_max (buffer, length, max, out, NULL, &local))
    {
      free (buffer);
      if (g_error_matches (local, FACTURES_ERROR, FACTURES_ERROR_FORMAT))
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("The invoice XML attached to the PDF cannot be read: the PDF is damaged "
                       "(technical detail: %s)."), local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  free (buffer);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * factures_facturx_extract_xml_max:
 * (see factures-facturx.h)
 */
GBytes *
factures_facturx_extract_xml_max (GBytes  *pdf,
                                  gsize    max,
                                  char   **out_name,
                                  GError **error)
{
  static const char * const preferred[] = { "factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml",
                                            "ZUGFeRD-invoice.xml" };
  g_autoptr(Qpdf) self = qpdf_open (pdf, error);
  g_autoptr(GArray) specs = NULL;
  qpdf_oh chosen = 0;
  int rank = G_MAXINT;
  guint n_xml = 0;
  GBytes *result;

  if (out_name != NULL)
    *out_name = NULL;
  if (self == NULL)
    return NULL;

  specs = embedded_specs (self->q);
  for (guint i = 0; i < specs->len; i++)
    {
      qpdf_oh spec = g_array_index (specs, qpdf_oh, i);
      g_autofree char *n = filespec_name (self->q, spec);

      if (!qpdf_oh_is_stream (self->q, filespec_stream (self->q, spec)))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (preferred); j++)
        if (g_ascii_strcasecmp (n, preferred[j]) == 0 && (int) j < rank)
          {
            rank = j;
            chosen = spec;
          }
      if (g_str_has_suffix (n, ".xml") || g_str_has_suffix (n, ".XML"))
        {
          n_xml++;
          if (rank == G_MAXINT && n_xml == 1)
            chosen = spec;
        }
    }
  if (chosen == 0 || (rank == G_MAXINT && n_xml != 1))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                           _("The PDF carries no invoice: no factur-x.xml file is attached to it."));
      return NULL;
    }
  result = stream_data_max (self->q, filespec_stream (self->q, chosen), max, error);
  if (result == NULL)
    return NULL;
  if (out_name != NULL)
    *out_name = filespec_name (self->q, chosen);
  return result;
}

/**
 * factures_facturx_extract_xml:
 * (see factures-facturx.h)
 */
GBytes *
factures_facturx_extract_xml (GBytes  *pdf,
                              char   **out_name,
                              GError **error)
{
  return factures_facturx_extract_xml_max (pdf, G_MAXSIZE, out_name, error);
}

/* FACTURES_ERROR_FORMAT "Damaged PDF", with qpdf's first warning (or error, or @fallback) as a detail. */
static gboolean
damaged (qpdf_data q, const char *fallback, GError **error)
{
  g_autofree char *detail = NULL;

  if (qpdf_more_warnings (q))
    {
      qpdf_error w = qpdf_next_warning (q);

      detail = g_strdup (w != NULL ? qpdf_get_error_message_detail (q, w) : NULL);
    }
  else if (qpdf_has_error (q))
    {
      qpdf_error e = qpdf_get_error (q);

      detail = g_strdup (e != NULL ? qpdf_get_error_message_detail (q, e) : NULL);
    }
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("Damaged PDF: the file is truncated or damaged, it is refused (technical detail: %s)."),
               detail != NULL && *detail != '\0' ? detail : fallback);
  return FALSE;
}

/**
 * factures_facturx_check_damage:
 * (see factures-facturx.h)
 */
gboolean
factures_facturx_check_damage (GBytes  *pdf,
                               GError **error)
{
  g_autoptr(Qpdf) self = qpdf_open (pdf, error);
  gboolean repaired;

  if (self == NULL)
    return FALSE;
  /* Warnings while reading: qpdf rebuilt a broken cross-reference table. */
  repaired = qpdf_more_warnings (self->q);
  if (repaired)
    return damaged (self->q, "cross-reference table rebuilt", error);

  /* qpdf decodes a FlateDecode stream whose bytes were changed without a word (it does not
   * check the Adler-32 of zlib): every such stream is inflated here to its end, within a
   * budget for the whole file (a few kilobytes can inflate to gigabytes). */
  {
    qpdf_oh size = qpdf_oh_get_key (self->q, qpdf_get_trailer (self->q), "/Size");
    int n = qpdf_oh_is_integer (self->q, size) ? qpdf_oh_get_int_value_as_int (self->q, size) : 0;
    gsize budget = FACTURES_FACTURX_INFLATED_MAX;

    for (int id = 1; id < MIN (n, 1 << 22); id++)
      {
        qpdf_oh object = qpdf_get_object_by_id (self->q, id, 0);
        unsigned char *buffer = NULL;
        size_t length = 0;
        gsize total = 0;
        g_autoptr(GError) local = NULL;
        gboolean ok;

        if (!qpdf_oh_is_stream (self->q, object) || !is_plain_flate (self->q, object))
          continue;
        if (qpdf_oh_get_stream_data (self->q, object, qpdf_dl_none, NULL, &buffer, &length) & QPDF_ERRORS)
          ok = FALSE;
        else
          ok = inflate_max (buffer, length, budget, NULL, &total, &local);
        free (buffer);
        if (!ok && g_error_matches (local, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW))
          {
            g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                         /* Translators: %d is the limit in MiB ("1024") */
                         _("The PDF is too large once decompressed: at most %d MiB are accepted."),
                         (int) (FACTURES_FACTURX_INFLATED_MAX / (1024 * 1024)));
            return FALSE;
          }
        if (!ok)
          {
            g_autofree char *detail = g_strdup_printf ("object %d: %s", id,
                                                       local != NULL ? local->message : "unreadable stream");

            return damaged (self->q, detail, error);
          }
        budget -= total;
      }
  }

  /* Then every object and stream read and decoded, as "qpdf --check" does. */
  if ((qpdf_check_pdf (self->q) & (QPDF_ERRORS | QPDF_WARNINGS)) || qpdf_more_warnings (self->q))
    return damaged (self->q, "stream or object error", error);
  return TRUE;
}

/* Text of the first element @element (e.g. "pdfaid:part") in @xmp, or NULL. Also
 * accepts the attribute form pdfaid:part="3". */
static char *
xmp_value (const char *xmp, const char *element)
{
  g_autofree char *open = g_strdup_printf ("<%s>", element);
  g_autofree char *attr = g_strdup_printf ("%s=\"", element);
  const char *p = strstr (xmp, open);

  if (p != NULL)
    {
      const char *start = p + strlen (open);
      const char *end = strchr (start, '<');

      if (end != NULL)
        return g_strstrip (g_strndup (start, end - start));
    }
  p = strstr (xmp, attr);
  if (p != NULL)
    {
      const char *start = p + strlen (attr);
      const char *end = strchr (start, '"');

      if (end != NULL)
        return g_strndup (start, end - start);
    }
  return NULL;
}

/* "D:20261130074500+00'00'" and "2026-11-30T07:45:00+00:00" denote the same instant? */
static gboolean
dates_agree (const char *pdf_date, const char *xmp_date)
{
  g_autoptr(GString) iso = NULL;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;
  const char *d;

  if (pdf_date == NULL || xmp_date == NULL || !g_str_has_prefix (pdf_date, "D:"))
    return FALSE;
  d = pdf_date + 2;
  if (strlen (d) < 14)
    return FALSE;
  iso = g_string_new (NULL);
  g_string_append_printf (iso, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s", d, d + 4, d + 6, d + 8, d + 10, d + 12);
  d += 14;
  if (*d == 'Z' || *d == '\0')
    g_string_append (iso, "Z");
  else if ((*d == '+' || *d == '-') && strlen (d) >= 6)
    g_string_append_printf (iso, "%c%.2s:%.2s", *d, d + 1, d + 4);
  else
    return FALSE;
  a = g_date_time_new_from_iso8601 (iso->str, NULL);
  b = g_date_time_new_from_iso8601 (xmp_date, NULL);
  return a != NULL && b != NULL && g_date_time_equal (a, b);
}

/**
 * factures_facturx_check_pdf:
 * (see factures-facturx.h)
 */
GPtrArray *
factures_facturx_check_pdf (GBytes *pdf)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(Qpdf) self = qpdf_open (pdf, &error);
  g_autoptr(GArray) specs = NULL;
  g_autofree char *xmp = NULL;
  qpdf_data q;
  qpdf_oh root, trailer, info, metadata, intents, af, id;
  gboolean found_fx = FALSE;

  if (self == NULL)
    {
      g_ptr_array_add (problems, g_strdup (error->message));
      return problems;
    }
  q = self->q;
  root = qpdf_get_root (q);
  trailer = qpdf_get_trailer (q);

  if (qpdf_more_warnings (q))
    g_ptr_array_add (problems, g_strdup (_("The PDF structure is damaged: qpdf had to repair it while reading it.")));

  id = qpdf_oh_get_key (q, trailer, "/ID");
  if (!qpdf_oh_is_array (q, id) || qpdf_oh_get_array_n_items (q, id) != 2)
    g_ptr_array_add (problems, g_strdup (_("The PDF has no document identifier (/ID).")));

  /* XMP. */
  metadata = qpdf_oh_get_key (q, root, "/Metadata");
  if (!qpdf_oh_is_stream (q, metadata))
    g_ptr_array_add (problems, g_strdup (_("The PDF has no XMP metadata.")));
  else
    {
      unsigned char *buffer = NULL;
      size_t length = 0;
      qpdf_oh filter = qpdf_oh_get_key (q, qpdf_oh_get_dict (q, metadata), "/Filter");

      if (!qpdf_oh_is_null (q, filter))
        g_ptr_array_add (problems, g_strdup (_("The XMP metadata is compressed, which PDF/A forbids.")));
      if (!(qpdf_oh_get_stream_data (q, metadata, qpdf_dl_generalized, NULL, &buffer, &length) & QPDF_ERRORS))
        {
          xmp = g_strndup ((const char *) buffer, length);
          free (buffer);
        }
    }
  if (xmp != NULL)
    {
      g_autofree char *part = xmp_value (xmp, "pdfaid:part");
      g_autofree char *conformance = xmp_value (xmp, "pdfaid:conformance");
      static const char * const fx_props[] = { "DocumentType", "DocumentFileName", "Version", "ConformanceLevel" };

      if (g_strcmp0 (part, "3") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The XMP metadata does not declare PDF/A-3 (pdfaid:part = %s)."),
                                                    part != NULL ? part : _("absent")));
      if (conformance == NULL || (g_ascii_strcasecmp (conformance, "B") != 0 && g_ascii_strcasecmp (conformance, "U") != 0
                                  && g_ascii_strcasecmp (conformance, "A") != 0))
        g_ptr_array_add (problems, g_strdup (_("The XMP metadata does not give the PDF/A conformance level (pdfaid:conformance).")));
      for (guint i = 0; i < G_N_ELEMENTS (fx_props); i++)
        {
          g_autofree char *element = g_strdup_printf ("fx:%s", fx_props[i]);
          g_autofree char *value = xmp_value (xmp, element);

          if (value == NULL || *value == '\0')
            g_ptr_array_add (problems, g_strdup_printf (_("The XMP metadata lacks the Factur-X property %s."), fx_props[i]));
          else
            found_fx = TRUE;
          if (value != NULL && i == 3)
            {
              static const char * const levels[] = { "MINIMUM", "BASIC WL", "BASIC", "EN 16931", "EXTENDED" };
              gboolean known = FALSE;

              for (guint j = 0; j < G_N_ELEMENTS (levels); j++)
                known = known || g_strcmp0 (value, levels[j]) == 0;
              if (!known)
                g_ptr_array_add (problems, g_strdup_printf (_("The Factur-X profile declared in the XMP (“%s”) is unknown."), value));
            }
        }
      if (found_fx && strstr (xmp, "pdfaExtension:schemas") == NULL)
        g_ptr_array_add (problems, g_strdup (_("The XMP metadata does not describe the Factur-X extension schema (pdfaExtension).")));
    }

  /* Info dates agree with the XMP. */
  info = qpdf_oh_get_key (q, trailer, "/Info");
  if (qpdf_oh_is_dictionary (q, info) && xmp != NULL)
    {
      static const char * const pairs[][2] = { { "/CreationDate", "xmp:CreateDate" }, { "/ModDate", "xmp:ModifyDate" } };

      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        {
          const char *pdf_date = utf8_key (q, info, pairs[i][0]);
          g_autofree char *xmp_date = xmp_value (xmp, pairs[i][1]);

          if (pdf_date == NULL)
            continue;
          if (!g_str_has_prefix (pdf_date, "D:"))
            g_ptr_array_add (problems, g_strdup_printf (_("The PDF date %s is not in the PDF format (“D:” missing)."),
                                                        pairs[i][0] + 1));
          else if (!dates_agree (pdf_date, xmp_date))
            g_ptr_array_add (problems, g_strdup_printf (_("The PDF date %s does not match the one of the XMP metadata."),
                                                        pairs[i][0] + 1));
        }
    }

  /* Output intent with an ICC profile. */
  intents = qpdf_oh_get_key (q, root, "/OutputIntents");
  if (!qpdf_oh_is_array (q, intents) || qpdf_oh_get_array_n_items (q, intents) == 0)
    g_ptr_array_add (problems, g_strdup (_("The PDF has no output intent (OutputIntent) with a colour profile.")));
  else
    {
      qpdf_oh intent = qpdf_oh_get_array_item (q, intents, 0);

      if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, intent, "/S"), "/GTS_PDFA1")
          || !qpdf_oh_is_stream (q, qpdf_oh_get_key (q, intent, "/DestOutputProfile")))
        g_ptr_array_add (problems, g_strdup (_("The PDF output intent is not a PDF/A one (GTS_PDFA1 with an ICC profile).")));
    }

  /* The embedded XML. */
  af = qpdf_oh_get_key (q, root, "/AF");
  specs = embedded_specs (q);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < specs->len; i++)
      {
        qpdf_oh spec = g_array_index (specs, qpdf_oh, i);
        g_autofree char *n = filespec_name (q, spec);
        qpdf_oh stream = filespec_stream (q, spec);
        qpdf_oh rel = qpdf_oh_get_key (q, spec, "/AFRelationship");
        gboolean in_af = FALSE;

        if (g_ascii_strcasecmp (n, FACTURES_FACTURX_FILENAME) != 0)
          continue;
        found = TRUE;
        if (!qpdf_oh_is_stream (q, stream))
          {
            g_ptr_array_add (problems, g_strdup (_("The attached factur-x.xml file is empty.")));
            continue;
          }
        if (!qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, qpdf_oh_get_dict (q, stream), "/Subtype"), "/text/xml"))
          g_ptr_array_add (problems, g_strdup (_("The attached factur-x.xml file does not have the MIME type text/xml.")));
        if (!qpdf_oh_is_name (q, rel))
          g_ptr_array_add (problems, g_strdup (_("The attached factur-x.xml file has no relationship (AFRelationship).")));
        else if (!qpdf_oh_is_name_and_equals (q, rel, "/Alternative") && !qpdf_oh_is_name_and_equals (q, rel, "/Data")
                 && !qpdf_oh_is_name_and_equals (q, rel, "/Source"))
          g_ptr_array_add (problems, g_strdup_printf (_("The relationship of the factur-x.xml file (%s) is not the one of Factur-X."),
                                                      qpdf_oh_get_name (q, rel)));
        if (qpdf_oh_is_array (q, af))
          for (int j = 0; j < qpdf_oh_get_array_n_items (q, af); j++)
            {
              qpdf_oh item = qpdf_oh_get_array_item (q, af, j);

              if (qpdf_oh_is_indirect (q, item) && qpdf_oh_is_indirect (q, spec)
                  && qpdf_oh_get_object_id (q, item) == qpdf_oh_get_object_id (q, spec))
                in_af = TRUE;
            }
        if (!in_af)
          g_ptr_array_add (problems, g_strdup (_("The factur-x.xml file is not listed in the catalog's /AF array.")));
      }
    if (!found)
      g_ptr_array_add (problems, g_strdup (_("The PDF contains no factur-x.xml file.")));
  }

  return problems;
}
