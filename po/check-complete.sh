#!/bin/sh
# po/check-complete.sh [SRCDIR] — fail unless every translatable string is translated.
#
# 1. Every file under src/ and data/ that has translatable strings (_(), N_(), C_(), NC_(),
#    translatable="yes") must be listed in po/POTFILES.in.
# 2. A fresh template is extracted with xgettext from the files of po/POTFILES.in (C sources,
#    GtkBuilder .ui, .desktop.in, .metainfo.xml.in and .gschema.xml, through gettext's own
#    language detection and ITS rules).
# 3. For every language of po/LINGUAS, the .po file merged with that template must have no
#    untranslated and no fuzzy message.
# Needs xgettext, msgmerge and msgattrib (package gettext). Exit 0 on success, 1 on failure.
set -eu

SRC=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$SRC"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0

# 1. Files with translatable strings that POTFILES.in forgets.
grep -v '^[[:space:]]*#' po/POTFILES.in | sed '/^[[:space:]]*$/d' | sort -u > "$TMP/listed"
{
  find src -name '*.c' -print0 2>/dev/null |
    xargs -0 -r grep -lE '(^|[^A-Za-z0-9_])(N|C|NC)?_[[:space:]]*\(' 2>/dev/null || true
  find src data -name '*.ui' -print0 2>/dev/null |
    xargs -0 -r grep -l 'translatable="yes"' 2>/dev/null || true
} | sort -u > "$TMP/marked"
missing=$(comm -23 "$TMP/marked" "$TMP/listed")
if [ -n "$missing" ]; then
  echo "po/POTFILES.in does not list these files with translatable strings:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
for f in $(cat "$TMP/listed"); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists a file that does not exist: $f"
    status=1
  fi
done
[ "$status" = 0 ] || exit 1

# 2. A fresh template.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2 \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_prefix_error:2:c-format \
  --package-name=factures --files-from="$TMP/listed" --output="$TMP/factures.pot"

# 3. Each language must translate all of it.
for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "po/LINGUAS lists $lang but $po is missing"
    status=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --output-file="$TMP/$lang.po" "$po" "$TMP/factures.pot"
  msgattrib --no-obsolete --untranslated --output-file="$TMP/$lang.untranslated" "$TMP/$lang.po"
  msgattrib --no-obsolete --only-fuzzy --output-file="$TMP/$lang.fuzzy" "$TMP/$lang.po"
  for kind in untranslated fuzzy; do
    if grep -q '^msgid "[^"]' "$TMP/$lang.$kind" 2>/dev/null ||
       [ "$(grep -c '^msgid ' "$TMP/$lang.$kind" 2>/dev/null || echo 0)" -gt 1 ]; then
      echo "$po: $kind messages:"
      grep -v '^#' "$TMP/$lang.$kind" | sed -n '/^msgid/,/^msgstr/p' | grep -v '^msgstr' | sed '1d; s/^/  /' | head -n 200
      status=1
    fi
  done
  if [ "$status" = 0 ]; then
    echo "$po: $(msgfmt --statistics -o /dev/null "$TMP/$lang.po" 2>&1)"
  fi
done
exit "$status"
