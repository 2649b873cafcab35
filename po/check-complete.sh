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
# 4. Likewise for the help: help/<lang>/<lang>.po against a template of help/C/*.page.
# Needs xgettext, msgmerge, msgattrib (package gettext) and itstool. Exit 0 on success, 1 on failure.
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
  --package-name=factures --files-from="$TMP/listed" --output="$TMP/factures.pot" \
  2> "$TMP/xgettext.log" || { cat "$TMP/xgettext.log"; exit 1; }
# A msgid cut short by a macro (_("… %" G_GINT64_FORMAT " …")) is never found at run time:
# the message stays in English. Format the number first (a "%s" argument) or use PRId64,
# which gettext understands.
if grep -q 'not a valid C format string' "$TMP/xgettext.log"; then
  echo "These translatable strings are cut by a macro and cannot be translated:"
  grep 'not a valid C format string' "$TMP/xgettext.log" | cut -d: -f1,2 | sed 's/^/  /'
  status=1
fi

# 3. Each language must translate all of it.
# check_po PO POT: PO merged with POT has no untranslated and no fuzzy message.
check_po() {
  name=$(basename "$1" .po)-$(basename "$(dirname "$1")")
  msgmerge --quiet --no-fuzzy-matching --output-file="$TMP/$name.po" "$1" "$2"
  ok=0
  for kind in untranslated fuzzy; do
    case $kind in
      untranslated) select=--untranslated ;;
      *) select=--only-fuzzy ;;
    esac
    msgattrib --no-obsolete "$select" --output-file="$TMP/$name.$kind" "$TMP/$name.po"
    count=$(grep -c '^msgid ' "$TMP/$name.$kind" 2>/dev/null) || count=0
    if [ "${count:-0}" -gt 1 ]; then
      echo "$1: $kind messages:"
      grep -v '^#' "$TMP/$name.$kind" | sed -n '/^msgid/,/^msgstr/p' | grep -v '^msgstr' |
        sed '1d; s/^/  /' | head -n 200
      ok=1
    fi
  done
  if [ "$ok" = 0 ]; then
    echo "$1: $(msgfmt --statistics -o /dev/null "$TMP/$name.po" 2>&1)"
  fi
  return "$ok"
}

for lang in $(grep -v '^#' po/LINGUAS); do
  if [ ! -f "po/$lang.po" ]; then
    echo "po/LINGUAS lists $lang but po/$lang.po is missing"
    status=1
  else
    check_po "po/$lang.po" "$TMP/factures.pot" || status=1
  fi
done

# 4. The same for the help: a template from help/C/*.page (itstool), each help/<lang>/<lang>.po.
if [ -f help/LINGUAS ]; then
  (cd help/C && itstool -o "$TMP/help.pot" ./*.page)
  for lang in $(grep -v '^#' help/LINGUAS); do
    if [ ! -f "help/$lang/$lang.po" ]; then
      echo "help/LINGUAS lists $lang but help/$lang/$lang.po is missing"
      status=1
    else
      check_po "help/$lang/$lang.po" "$TMP/help.pot" || status=1
    fi
  done
fi
exit "$status"
