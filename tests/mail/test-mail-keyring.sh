#!/bin/bash
# test-mail-keyring.sh — the SMTP password in the keyring (libsecret), and without one.
#
# 1. A private D-Bus session with an unlocked gnome-keyring (HEADLESS.md §4): the
#    password is stored, then a message is sent over STARTTLS + AUTH with the
#    password read back from the keyring; nothing else holds it (database, logs,
#    settings, $HOME).
# 2. A bus with no Secret Service: storing fails with the clear message; sending
#    fails with it too (outbox row failed); the session-only password then works.
# Servers: aiosmtpd on 127.0.0.1, stopping by themselves. Every step has a time-out.
set -u
: "${MAIL_TOOL:?}" "${MAIL_TEST_DIR:?}"
for tool in dbus-run-session gnome-keyring-daemon gdbus openssl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done

TMP=$(mktemp -d /tmp/mail-keyring-XXXXXX)
trap 'kill $SINK_PID 2>/dev/null; rm -rf "$TMP"' EXIT
export PASSWORD='k3yr1ng-é€ secret'
USER_NAME=alice
fail=0
check () { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" -days 2 \
  -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null || exit 1
export FACTURES_SMTP_CA_FILE=$TMP/cert.pem FACTURES_SMTP_DEBUG=1
export GSETTINGS_BACKEND=keyfile

mkdir -p "$TMP/out"
/usr/bin/python3 "$MAIL_TEST_DIR/smtp_sink.py" "$TMP/out" starttls --user $USER_NAME --password "$PASSWORD" \
  --cert "$TMP/cert.pem" --key "$TMP/key.pem" --lifetime 100 > "$TMP/sink.txt" 2>/dev/null &
SINK_PID=$!
for i in $(seq 200); do grep -q READY "$TMP/sink.txt" 2>/dev/null && break; sleep 0.1; done
PORT=$(awk '/READY/ {print $2}' "$TMP/sink.txt")
[ -n "$PORT" ] || { echo "FAIL sink did not start"; exit 1; }

# ---- 1. unlocked gnome-keyring in a private session
export HOME=$TMP/home XDG_RUNTIME_DIR=$TMP/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
DB=$TMP/db1/factures.db; mkdir -p "$TMP/db1"
NUMBER=$(timeout 60 "$MAIL_TOOL" setup "$DB" 127.0.0.1 "$PORT" starttls $USER_NAME camille@example.org 5 2>>"$TMP/log")
timeout 90 dbus-run-session -- bash -c '
  echo -n ci-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 3
  for i in $(seq 100); do
    gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
      -m org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets | grep -q true && break; sleep 0.05; done
  printf "%s\n" "$PASSWORD" | timeout 30 "$MAIL_TOOL" store-password 127.0.0.1 '"$USER_NAME"' || exit 4
  timeout 60 "$MAIL_TOOL" send "$1" "$2" > "$3/send1.json"
  timeout 60 "$MAIL_TOOL" test "$1" > "$3/test1.json"
  # The command line: --test-smtp, then --send with the template of the kind.
  if [ -n "${FACTURES_BIN:-}" ]; then
    timeout 60 "$FACTURES_BIN" --database="$1" --test-smtp > "$3/cli-test.txt" 2>&1; echo "rc=$?" >> "$3/cli-test.txt"
    # Sent a moment ago by mail-tool: again only with --yes (trial 5 finding 8).
    timeout 60 "$FACTURES_BIN" --database="$1" --send="$2" > "$3/cli-send0.txt" 2>&1; echo "rc=$?" >> "$3/cli-send0.txt"
    timeout 60 "$FACTURES_BIN" --database="$1" --send="$2" --yes > "$3/cli-send.txt" 2>&1; echo "rc=$?" >> "$3/cli-send.txt"
  fi
' bash "$DB" "$NUMBER" "$TMP" 2>>"$TMP/log"
rc=$?
check "keyring session ran (rc $rc)" '[ $rc = 0 ]'
check "sent with the password from the keyring" 'grep -q "\"ok\":true" "$TMP/send1.json" && grep -q "\"state\":\"sent\"" "$TMP/send1.json"'
check "connection test authenticated with the keyring password" 'grep -q "\"authenticated\":true" "$TMP/test1.json"'
check "the sink received it authenticated" 'grep -q "\"auth_user\": \"alice\"" "$TMP/out/001.json"'
if [ -n "${FACTURES_BIN:-}" ]; then
  check "factures --test-smtp passes and says so" 'grep -q "rc=0" "$TMP/cli-test.txt" && grep -q "Connection test passed" "$TMP/cli-test.txt"'
  check "factures --send of a document already sent stops without --yes" 'grep -q "rc=1" "$TMP/cli-send0.txt" && grep -q -- "--yes" "$TMP/cli-send0.txt"'
  check "factures --send sends with the template" 'grep -q "rc=0" "$TMP/cli-send.txt" && grep -q "sent to client@example.org" "$TMP/cli-send.txt" && [ -f "$TMP/out/002.eml" ] && grep -q "^Subject: " "$TMP/out/002.eml"'
fi

# ---- 2. a bus without any Secret Service
cat > "$TMP/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$TMP</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
DB2=$TMP/db2/factures.db; mkdir -p "$TMP/db2"
NUMBER2=$(timeout 60 "$MAIL_TOOL" setup "$DB2" 127.0.0.1 "$PORT" starttls $USER_NAME camille@example.org 5 2>>"$TMP/log")
timeout 60 dbus-run-session --config-file="$TMP/session.conf" -- bash -c '
  printf "%s\n" "$PASSWORD" | timeout 20 "$MAIL_TOOL" store-password 127.0.0.1 alice > "$3/store2.txt" 2>&1
  echo "rc=$?" >> "$3/store2.txt"
  timeout 30 "$MAIL_TOOL" send "$1" "$2" > "$3/send2.json"
  timeout 30 "$MAIL_TOOL" retry "$1" 1 "$PASSWORD" > "$3/send3.json"
  if [ -n "${FACTURES_BIN:-}" ]; then
    timeout 30 "$FACTURES_BIN" --database="$1" --test-smtp > "$3/cli-test2.txt" 2>&1; echo "rc=$?" >> "$3/cli-test2.txt"
  fi
' bash "$DB2" "$NUMBER2" "$TMP" 2>>"$TMP/log"
check "no Secret Service: storing refused" 'grep -q "rc=1" "$TMP/store2.txt"'
check "no Secret Service: clear message" 'grep -q "no-keyring: No keyring service (Secret Service) is running" "$TMP/store2.txt" && grep -q "for this session only" "$TMP/store2.txt"'
check "no Secret Service: the message fails, reason recorded" 'grep -q "\"code\":\"no-keyring\"" "$TMP/send2.json" && grep -q "\"state\":\"failed\"" "$TMP/send2.json"'
check "session-only password: sent on retry" 'grep -q "\"ok\":true" "$TMP/send3.json"'
if [ -n "${FACTURES_BIN:-}" ]; then
  check "factures --test-smtp without a keyring: exit 1 and the message" 'grep -q "rc=1" "$TMP/cli-test2.txt" && grep -q "No keyring service" "$TMP/cli-test2.txt"'
fi

# ---- the password appears nowhere (clear, or base64 as in AUTH PLAIN / LOGIN)
PLAIN64=$(printf '\0%s\0%s' "$USER_NAME" "$PASSWORD" | base64 -w0)
LOGIN64=$(printf '%s' "$PASSWORD" | base64 -w0)
check "verbose SMTP log captured, AUTH redacted" 'grep -q "AUTH \[redacted\]" "$TMP/log"'
leaks=$(grep -rlF -e "$PASSWORD" -e "$PLAIN64" -e "$LOGIN64" "$TMP/db1" "$TMP/db2" "$TMP/log" "$TMP"/*.json "$HOME" 2>/dev/null)
check "password absent from databases, logs, settings and HOME" '[ -z "$leaks" ]'
[ -n "$leaks" ] && echo "leaks: $leaks"
exit $fail
