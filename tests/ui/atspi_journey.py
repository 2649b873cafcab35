"""Helpers shared by the AT-SPI journeys (journey*.py), for GTK 4.8 / libadwaita 1.2.

Import after dogtail's config is set (config.checkForA11y = False, see HEADLESS.md §3).
GTK 4.8 quirks handled here: GetText(0, -1) is '' (use the character count), no
screen coordinates (actions, not pointer clicks), names may carry a mnemonic
underscore or be repeated ("Nom Nom"), amounts hold U+202F and U+00A0.
"""
import os
import re
import subprocess
import sys
import time

import pyatspi

# libatspi gives up on a method call after 800 ms by default: a loaded CI machine
# (2 cores) laying out a 20,000-character line made the read-back fail with "Did not
# receive a reply" while the app was only busy. The journeys test behaviour, not latency.
pyatspi.setTimeout(20000, 30000)

_shots_dir = os.environ.get('JOURNEY_SCREENSHOTS', '.')


def set_screenshot_dir(path):
    global _shots_dir
    _shots_dir = path


def step(text):
    print(f'[{time.strftime("%H:%M:%S")}] {text}', flush=True)


def normalise(text):
    """Every run of spaces, no-break spaces and newlines becomes one space."""
    return re.sub(r'[ \u00a0\u202f\n]+', ' ', text)


def names_match(node_name, name):
    node_name = normalise(node_name.replace('_', ''))
    name = normalise(name)
    return node_name == name or node_name == f'{name} {name}'


def find(parent, name=None, roles=None, prefix=None, contains=(), timeout=15.0):
    """First descendant of @parent with an exact name (or a name prefix, and/or
    holding every string of @contains) and one of @roles; waits up to @timeout s."""
    if isinstance(roles, str):
        roles = (roles,)

    def pred(n):
        try:
            if roles and n.roleName not in roles:
                return False
            if name is not None and not names_match(n.name, name):
                return False
            if prefix is not None and not normalise(n.name).startswith(normalise(prefix)):
                return False
            return all(normalise(c) in normalise(n.name) for c in contains)
        except Exception:
            return False

    deadline = time.time() + timeout
    while True:
        node = parent.findChild(pred, retry=False, requireResult=False)
        if node is not None:
            return node
        if time.time() > deadline:
            raise LookupError(f'not found: name={name!r} prefix={prefix!r} '
                              f'contains={contains!r} roles={roles}')
        time.sleep(0.3)


def click(parent, name, roles=('push button', 'toggle button', 'page tab', 'menu item',
                               'check box', 'radio button')):
    node = find(parent, name, roles)
    node.doActionNamed('click' if 'click' in node.actions else list(node.actions)[0])
    return node


def text_of(node):
    t = node.queryText()                        # GetText(0, -1) is '' in GTK 4.8
    return t.getText(0, t.characterCount)


def set_text(parent, name, value, roles=('text', 'entry', 'password text')):
    node = find(parent, name, roles)
    node.text = value                            # EditableText
    got = text_of(node)
    if got != value:
        raise AssertionError(f'{name}: typed {value!r}, reads back {got!r}')
    return node


def frame(app, name=None, prefix=None, timeout=20.0):
    """The top-level window of @app with that name (or name prefix)."""
    deadline = time.time() + timeout
    while True:
        for child in app.children:
            try:
                # GtkFileChooserDialog shows up as a "filler" in GTK 4.8.
                if (name is not None and child.name == name) or \
                   (prefix is not None and child.name.startswith(prefix)):
                    return child
            except Exception:
                pass
        if time.time() > deadline:
            raise LookupError(f'no window {name or prefix!r}; have '
                              f'{[(c.roleName, c.name) for c in app.children]}')
        time.sleep(0.3)


def screenshot(name):
    path = os.path.join(_shots_dir, name)
    subprocess.run(['import', '-window', 'root', path], check=False)
    step(f'screenshot {path}')


def logged_problems(log):
    """The GLib/GTK critical and warning lines the app wrote to log (a file open in w+)."""
    log.flush()
    log.seek(0)
    return [line for line in log.read().splitlines()
            if '-CRITICAL **' in line or '-WARNING **' in line]


def assert_no_problems(log):
    """The journey fails when the app logged a critical or a warning (issue 11 item 11)."""
    bad = logged_problems(log)
    if bad:
        raise AssertionError('the app logged:\n' + '\n'.join(bad[:20]))


def stop_app(proc, log):
    """Ends the app (terminate, kill after 5 s), copies its log to stderr and closes it."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
    log.seek(0)
    sys.stderr.write(log.read())
    log.close()
