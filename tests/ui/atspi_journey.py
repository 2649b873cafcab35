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


# ---- drop-downs and combo rows (vat-ui, issue 13) ----
# GTK 4.8 gives the popover of a GtkDropDown or AdwComboRow no AT-SPI node one can act on and
# no screen coordinates: under Xvfb without a window manager the popover is an X window of its
# own at its screen position (xwininfo), the windows sit at 0, 0, and the keyboard follows the
# pointer; the items are clicked where the theme puts them.

def _rawinput():
    from dogtail import rawinput
    return rawinput


def x_windows():
    """{id: (width, height, x, y)} of the mapped X windows (xwininfo; no window manager under
    Xvfb, so a popover is a window of its own at its screen position)."""
    out = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        m = re.match(r'\s+(0x[0-9a-f]+) .*?(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)', line)
        if m and int(m.group(2)) > 60 and int(m.group(3)) > 60:
            info = subprocess.run(['xwininfo', '-id', m.group(1)], capture_output=True, text=True).stdout
            if 'IsViewable' in info:
                found[m.group(1)] = tuple(int(g) for g in m.groups()[1:])
    return found


def popover_after(action):
    """Runs @action (which opens a popover) and returns the popover window's geometry."""
    before = x_windows()
    action()
    deadline = time.time() + 10
    while time.time() < deadline:
        time.sleep(0.3)
        new = [g for w, g in x_windows().items() if w not in before or before[w] != g]
        new = [g for g in new if (g[2], g[3]) != (0, 0)]
        if new:
            return new[-1]
    raise AssertionError('no popover opened')


def window_extents(node):
    """@node's extents in its window (GTK 4 has no screen coordinates; under Xvfb without a
    window manager the windows sit at 0, 0)."""
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def choose_row(window, name, index):
    """Picks item @index of the AdwComboRow titled @name (its popover's list: rows 34 px
    apart, the first 56 px below the popover window's top)."""
    row = find(window, name, ('combo box',))
    ext = window_extents(row)
    _, _, x, y = popover_after(lambda: _rawinput().click(ext.x + ext.width - 40, ext.y + ext.height // 2))
    _rawinput().click(x + 60, y + 56 + 34 * index)
    time.sleep(0.8)


def choose_searched(window, name, typed, item):
    """Opens the searchable drop-down named @name, types @typed into its search entry and picks
    the first item left, which must be @item."""
    combo = find(window, name, ('combo box',))
    button = [c for c in combo.findChildren(lambda n: n.roleName == 'push button')][0]
    _, _, x, y = popover_after(lambda: button.doActionNamed('click'))
    # The search entry, inside the drop-down's popover, takes the text through AT-SPI (the
    # keyboard may still belong to a window closed before).
    time.sleep(0.5)
    entries = combo.findChildren(lambda n: n.roleName in ('text', 'entry'))
    if entries:
        entries[0].text = typed
    else:
        _rawinput().click(x + 60, y + 50)
        time.sleep(0.8)
        _rawinput().typeText(typed)
    time.sleep(1.5)
    _rawinput().click(x + 60, y + 97)            # the first item left
    time.sleep(0.8)
    shown = [c.name for c in combo.findChildren(lambda n: n.roleName == 'label')]
    if item not in shown:
        raise AssertionError(f'{name}: {item!r} not chosen, the drop-down shows {shown}')
# ---- end drop-downs ----
